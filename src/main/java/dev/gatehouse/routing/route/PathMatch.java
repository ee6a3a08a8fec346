package dev.gatehouse.routing.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The matching primitives of Ingress paths. */
public final class PathMatch {

    private PathMatch() {
    }

    /** {@code Exact}: equal, case-sensitive. */
    public static boolean exact(String rulePath, String requestPath) {
        return rulePath.equals(requestPath);
    }

    /**
     * {@code Prefix}: the rule's path elements (split by "/") are a prefix of the request's; a trailing
     * slash in either is ignored. {@code /foo/bar} matches {@code /foo/bar/baz}, not {@code /foo/barbaz}.
     */
    public static boolean elementPrefix(String rulePath, String requestPath) {
        List<String> rule = elements(rulePath);
        List<String> request = elements(requestPath);
        if (rule.size() > request.size()) {
            return false;
        }
        for (int i = 0; i < rule.size(); i++) {
            if (!rule.get(i).equals(request.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * ingress-nginx's ImplementationSpecific without regex: an nginx prefix location, i.e. a plain
     * string prefix ({@code /foo} also matches {@code /foobar}).
     */
    public static boolean stringPrefix(String rulePath, String requestPath) {
        return requestPath.startsWith(rulePath);
    }

    /** Compiles a path as ingress-nginx does in regex mode: {@code ~* "^path"} (case-insensitive, anchored). */
    public static Optional<Pattern> regex(String rulePath) {
        try {
            return Optional.of(Pattern.compile("^" + rulePath, Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** The path without a trailing slash (except "/"): how Prefix paths compare and rank. */
    public static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Compiles a case-sensitive regular expression anchored at the start: {@code ^path}. */
    public static Optional<Pattern> caseSensitiveRegex(String rulePath) {
        try {
            return Optional.of(Pattern.compile("^" + rulePath));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** The regex match at the start of the request path, if any. */
    public static Optional<Matcher> regexMatch(Pattern pattern, String requestPath) {
        Matcher m = pattern.matcher(requestPath);
        return m.lookingAt() ? Optional.of(m) : Optional.empty();
    }

    /**
     * The path the backend receives with {@code rewrite-target}: nginx replaces the whole URI with the
     * target, {@code $1}.. filled from the match's groups.
     */
    public static String rewrite(String target, Matcher match) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '$' && i + 1 < target.length() && Character.isDigit(target.charAt(i + 1))) {
                int group = target.charAt(i + 1) - '0';
                if (group <= match.groupCount() && match.group(group) != null) {
                    out.append(match.group(group));
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> elements(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }
}
