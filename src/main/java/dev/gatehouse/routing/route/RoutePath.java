package dev.gatehouse.routing.route;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path part of a route match.
 *
 * @param type          how the path is compared
 * @param value         the path as written ("/" when empty)
 * @param caseSensitive false for a case-insensitive regular expression
 * @param writtenAs     the front-end's name for the match as the user wrote it ({@code Prefix},
 *                      {@code ImplementationSpecific}, {@code PathPrefix}), for traces
 */
public record RoutePath(Type type, String value, boolean caseSensitive, String writtenAs) {

    /** How a path is compared with the request path. */
    public enum Type {
        /** Equal, case-sensitive. */
        EXACT,
        /** Path elements are a prefix (Ingress {@code Prefix}, Gateway {@code PathPrefix}). */
        PREFIX,
        /** A plain string prefix (ingress-nginx {@code ImplementationSpecific} without regex). */
        STRING_PREFIX,
        /** A regular expression matched at the start of the request path. */
        REGEX,
        /** Never matches (a value the API would reject). */
        NEVER
    }

    /** Whether the request path matches (a regex that does not compile never matches). */
    public boolean matches(String requestPath) {
        return switch (type) {
            case EXACT -> PathMatch.exact(value, requestPath);
            case PREFIX -> PathMatch.elementPrefix(value, requestPath);
            case STRING_PREFIX -> PathMatch.stringPrefix(value, requestPath);
            case REGEX -> regexMatch(requestPath).isPresent();
            case NEVER -> false;
        };
    }

    /** The compiled regular expression ({@code ^value}), empty when it does not compile or is not a regex. */
    public Optional<Pattern> pattern() {
        if (type != Type.REGEX) {
            return Optional.empty();
        }
        return caseSensitive ? PathMatch.caseSensitiveRegex(value) : PathMatch.regex(value);
    }

    /** The regex match at the start of the request path, if this is a regex and it matches. */
    public Optional<Matcher> regexMatch(String requestPath) {
        return pattern().flatMap(p -> PathMatch.regexMatch(p, requestPath));
    }

    /** The value without a trailing slash (except "/"). */
    public String normalized() {
        return PathMatch.withoutTrailingSlash(value);
    }

    /** Length used for "the longest match wins": Exact counts the whole value, prefixes the normalized one. */
    public int matchLength() {
        return type == Type.EXACT ? value.length() : normalized().length();
    }

    /** Rank on a tie of equal length: Exact beats Prefix beats the rest. */
    public int tieRank() {
        return switch (type) {
            case EXACT -> 0;
            case PREFIX -> 1;
            default -> 2;
        };
    }

    /** {@code /api (Prefix)}. */
    public String display() {
        return value + " (" + writtenAs + ")";
    }
}
