package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.route.RequestHeaders;
import dev.gatehouse.routing.route.RouteConditions;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.ValueMatch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a request matches an HTTPRoute match, as Gateway API defines it: Exact / PathPrefix (element-wise) /
 * RegularExpression (matched against the whole path, Java regex syntax standing in for RE2), method, headers
 * (case-insensitive names, the first value) and query parameters (case-sensitive names, the first value).
 * The explanation and the proxy both use it.
 */
public final class RequestMatcher {

    private RequestMatcher() {
    }

    /** What failed, or empty when everything matched. */
    public static Optional<String> mismatch(RouteConditions c, String method, String path, String query,
                                            RequestHeaders headers) {
        if (!pathMatches(c.path(), path)) {
            return Optional.of("the path " + path + " does not match " + c.path().display());
        }
        if (c.method().isPresent() && !c.method().get().equals(method)) {
            return Optional.of("the method is " + method + ", not " + c.method().get());
        }
        Map<String, String> firstHeaders = new HashMap<>();
        headers.values().forEach((name, values) -> firstHeaders.put(name, values.get(0)));
        for (ValueMatch h : c.headers()) {
            if (!h.matches(firstHeaders)) {
                return Optional.of("header " + h.name() + (firstHeaders.containsKey(h.name()) ? " is \""
                        + firstHeaders.get(h.name()) + "\"" : " is missing") + ", the match wants "
                        + (h.regex() ? "/" + h.value() + "/" : "\"" + h.value() + "\""));
            }
        }
        Map<String, String> params = query(query);
        for (ValueMatch q : c.query()) {
            if (!q.matches(params)) {
                return Optional.of("query parameter " + q.name() + (params.containsKey(q.name()) ? " is \""
                        + params.get(q.name()) + "\"" : " is missing") + ", the match wants "
                        + (q.regex() ? "/" + q.value() + "/" : "\"" + q.value() + "\""));
            }
        }
        return Optional.empty();
    }

    public static boolean pathMatches(RoutePath path, String requestPath) {
        if (path.type() == RoutePath.Type.REGEX) {
            try {
                return Pattern.compile(path.value()).matcher(requestPath).matches();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
        return path.matches(requestPath);
    }

    /** The first value of each query parameter, decoded. */
    public static Map<String, String> query(String query) {
        Map<String, String> out = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String part : List.of(query.split("&"))) {
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
