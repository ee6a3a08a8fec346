package dev.gatehouse.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status line and headers of an HTTP/1.x response.
 *
 * @param statusLine e.g. {@code HTTP/1.1 200 OK}
 * @param status     the status code
 * @param headers    name and value of each header, in order
 */
public record HttpHead(String statusLine, int status, List<Map.Entry<String, String>> headers) {

    public HttpHead {
        headers = List.copyOf(headers);
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The {@code Strict-Transport-Security} value, if sent. */
    public Optional<String> hsts() {
        return header("Strict-Transport-Security");
    }

    /**
     * Reads a response head (up to the empty line). Empty when it does not start with {@code HTTP/1.x NNN}.
     */
    public static Optional<HttpHead> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].toUpperCase(Locale.ROOT).startsWith("HTTP/1.")) {
            return Optional.empty();
        }
        String[] parts = lines[0].split(" ", 3);
        int status;
        try {
            status = parts.length < 2 ? -1 : Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (status < 100 || status > 999) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        return Optional.of(new HttpHead(lines[0], status, headers));
    }
}
