package dev.gatehouse.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses YAML (and JSON, which is YAML 1.2) within {@link InputLimits}: the nesting depth is checked on the
 * parser's events before any object is built (so 10,000 nested {@code [} are a message, not a
 * StackOverflowError), aliases are limited (the "billion laughs" expansion), a document's size is
 * limited, recursive keys are refused, and anything after the end of a document (JSON followed by
 * garbage) is a syntax error with its position. Builds plain maps, lists and scalars only, never
 * arbitrary classes.
 */
public final class SafeYaml {

    private final InputLimits limits;
    private final LoadSettings settings;

    public SafeYaml(InputLimits limits) {
        this.limits = limits;
        this.settings = LoadSettings.builder()
                .setMaxAliasesForCollections(Math.max(1, limits.yamlAliases()))
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(Math.toIntExact(Math.min(Integer.MAX_VALUE, limits.manifestFileBytes())))
                .setUseMarks(true)
                .setBufferSize(1 << 20) // the reader copies its window per buffer: long scalars cost O(n² / size)
                .build();
    }

    public SafeYaml() {
        this(InputLimits.defaults());
    }

    /**
     * The documents of a YAML stream (one for JSON), each a map, list, scalar or null.
     *
     * @param name the input's name in messages
     * @throws InputLimitException when a limit is hit (depth, aliases, size)
     * @throws YamlEngineException when the text is no valid YAML (marked with line and column when known)
     */
    public List<Object> loadAll(String text, String name) throws InputLimitException {
        checkDepth(text, name);
        List<Object> documents = new ArrayList<>();
        try {
            for (Object document : new Load(settings).loadAllFromString(text)) {
                documents.add(document);
            }
        } catch (YamlEngineException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Number of aliases")) {
                throw new InputLimitException(name, "uses more than " + limits.yamlAliases() + " aliases, the limit"
                        + " per document (yamlAliases); it was not read", true);
            }
            if (message.contains("code point limit") || message.contains("exceeds the limit")) {
                throw new InputLimitException(name, "has a document larger than the "
                        + InputLimits.size(limits.manifestFileBytes()) + " limit (manifestFileBytes); it was not read",
                        true);
            }
            throw e;
        }
        return documents;
    }

    /** Refuses nesting deeper than {@link InputLimits#yamlNestingDepth()}, from events (no recursion). */
    private void checkDepth(String text, String name) throws InputLimitException {
        int depth = 0;
        int max = limits.yamlNestingDepth();
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > max) {
                        String where = event.getStartMark().map(SafeYaml::position).orElse("");
                        throw new InputLimitException(name, "nests mappings and lists deeper than " + max + " levels"
                                + where + ", the limit (yamlNestingDepth); it was not read", true);
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
    }

    private static String position(Mark mark) {
        return " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    /** Line and column of a YAML syntax error, when the parser knows them. */
    public static Optional<String> positionOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException marked
                    && marked.getProblemMark().isPresent()) {
                return Optional.of(position(marked.getProblemMark().get()));
            }
        }
        return Optional.empty();
    }
}
