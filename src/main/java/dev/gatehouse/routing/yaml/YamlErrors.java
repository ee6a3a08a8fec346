package dev.gatehouse.routing.yaml;

import java.util.OptionalInt;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** Turns parser and binding exceptions into plain {@link LoadProblem}s with a line number. */
final class YamlErrors {

    private YamlErrors() {
    }

    static LoadProblem describe(RuntimeException error, String source, int firstLine, int docNumber) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
                int line = firstLine + marked.getProblemMark().get().getLine();
                int column = marked.getProblemMark().get().getColumn() + 1;
                String problem = marked.getProblem() == null ? firstLine(marked.getMessage()) : marked.getProblem();
                return new LoadProblem(source, OptionalInt.of(line), "invalid YAML: " + problem
                        + (marked.getContext() == null ? "" : " (" + marked.getContext() + ")") + " at column " + column);
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = firstLine(root.getMessage() == null ? error.getMessage() : root.getMessage())
                .replace("`", "").replace("java.lang.", "").replaceAll("\\s*\\(through reference chain.*$", "");
        return new LoadProblem(source, OptionalInt.of(firstLine), "document " + docNumber + " could not be read as a"
                + " Kubernetes object: " + message);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }
}
