package dev.gatehouse.routing.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Request headers a route may match on (Gateway API {@code matches[].headers}): names are case-insensitive
 * (kept lower case), each with its values in arrival order. Immutable; equal when names and values are.
 * The proxy passes only the headers some route matches on, so that equal requests stay equal.
 *
 * @param values lower-case name → values
 */
public record RequestHeaders(Map<String, List<String>> values) {

    private static final RequestHeaders EMPTY = new RequestHeaders(Map.of());

    public RequestHeaders {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(values, "values").forEach((name, list) -> {
            if (name != null && list != null && !list.isEmpty()) {
                copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(list);
            }
        });
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        copy.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(frozen);
    }

    public static RequestHeaders empty() {
        return EMPTY;
    }

    /** The values of a header (case-insensitive name); empty when absent. */
    public List<String> get(String name) {
        return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The first value of a header, as Gateway API header matches read it. */
    public java.util.Optional<String> first(String name) {
        return get(name).stream().findFirst();
    }

    /** These headers with one more value for {@code name}. */
    public RequestHeaders with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        List<String> list = new ArrayList<>(copy.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
        list.add(value);
        copy.put(name.toLowerCase(Locale.ROOT), list);
        return new RequestHeaders(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** A {@code ;} that starts another {@code Name:} (a value may itself hold {@code ;}, as a Cookie does). */
    private static final java.util.regex.Pattern SEPARATOR =
            java.util.regex.Pattern.compile(";\\s*(?=[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*:)");

    /**
     * Headers a user typed, each {@code Name: value} (as {@code curl -H} takes them).
     *
     * @throws IllegalArgumentException with a plain message naming the header that is not of that form, or a
     *                                  Host header (the Host is the URL's)
     */
    public static RequestHeaders parse(List<String> lines) {
        RequestHeaders out = empty();
        for (String header : lines) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? "" : header.substring(0, colon).trim();
            if (name.isEmpty() || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + header.trim() + "' is not of the form 'Name: value'");
            }
            if (name.equalsIgnoreCase("host")) {
                throw new IllegalArgumentException("'Host: …' is not needed: the Host header is the URL's host");
            }
            out = out.with(name, header.substring(colon + 1).trim());
        }
        return out;
    }

    /** Headers typed on one line, separated by {@code ;} ({@code X-Canary: always; X-Team: ops}); blank = none. */
    public static RequestHeaders parseLine(String line) {
        if (line == null || line.isBlank()) {
            return empty();
        }
        return parse(java.util.Arrays.stream(SEPARATOR.split(line.trim())).filter(s -> !s.isBlank()).toList());
    }
}
