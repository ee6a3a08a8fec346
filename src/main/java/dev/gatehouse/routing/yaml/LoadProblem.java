package dev.gatehouse.routing.yaml;

import java.util.OptionalInt;

/**
 * Why input could not be loaded, with where.
 *
 * @param source  file name (or the name given for text)
 * @param line    1-based line, when known
 * @param message a plain sentence
 */
public record LoadProblem(String source, OptionalInt line, String message) {

    /** {@code ingress.yaml:12: message}, or {@code ingress.yaml: message}. */
    public String display() {
        return source + (line.isPresent() ? ":" + line.getAsInt() : "") + ": " + message;
    }
}
