package dev.gatehouse.routing.route;

/**
 * A path change of a Gateway API filter ({@code HTTPPathModifier}): replace the whole path, or the part
 * the rule's {@code PathPrefix} matched.
 *
 * @param type  full path or matched prefix
 * @param value the replacement ("" allowed for a prefix: the prefix is removed)
 */
public record PathModifier(Type type, String value) {

    /** What is replaced. */
    public enum Type {
        /** {@code ReplaceFullPath}: the whole path becomes {@link #value}. */
        FULL_PATH,
        /** {@code ReplacePrefixMatch}: the matched prefix becomes {@link #value}. */
        PREFIX_MATCH
    }

    public PathModifier {
        value = value == null ? "" : value;
    }

    /**
     * The new path (without query) for {@code requestPath}.
     *
     * @param matchedPrefix the {@code PathPrefix} value of the match that took the request ("/" when the
     *                      match had no prefix); ignored for {@link Type#FULL_PATH}
     */
    public String apply(String matchedPrefix, String requestPath) {
        if (type == Type.FULL_PATH) {
            return value.isEmpty() ? "/" : value;
        }
        String prefix = PathMatch.withoutTrailingSlash(matchedPrefix == null ? "/" : matchedPrefix);
        String remainder = prefix.equals("/") ? requestPath
                : requestPath.length() >= prefix.length() ? requestPath.substring(prefix.length()) : "";
        String replacement = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        if (!remainder.isEmpty() && !remainder.startsWith("/")) {
            remainder = "/" + remainder;
        }
        String result = replacement + remainder;
        return result.isEmpty() ? "/" : result;
    }

    /** {@code ReplacePrefixMatch /one}. */
    public String display() {
        return (type == Type.FULL_PATH ? "ReplaceFullPath " : "ReplacePrefixMatch ") + (value.isEmpty() ? "\"\"" : value);
    }
}
