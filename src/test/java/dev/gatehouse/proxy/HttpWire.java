package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads HTTP/1.1 responses off a raw socket, for tests that must see the bytes on the wire. */
final class HttpWire {

    /** A chunked body and its trailer fields (names in lower case). */
    record Chunked(String body, Map<String, String> trailers) {
    }

    private HttpWire() {
    }

    static byte[] get(String host, String path) {
        return request("GET", host, path);
    }

    static byte[] request(String method, String host, String path) {
        return (method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A status line with this status and the header fields after it (names in lower case). */
    static Map<String, String> head(InputStream in, int expectedStatus) throws IOException {
        assertThat(line(in)).startsWith("HTTP/1.1 " + expectedStatus);
        return fields(in);
    }

    /** One response with this status, framed by Content-Length; returns its body. */
    static String response(InputStream in, int expectedStatus) throws IOException {
        Map<String, String> head = head(in, expectedStatus);
        assertThat(head).as("framed by Content-Length").containsKey("content-length");
        return new String(in.readNBytes(Integer.parseInt(head.get("content-length"))), StandardCharsets.UTF_8);
    }

    /** A chunked body, up to and including its trailer section. */
    static Chunked chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
            body.write(in.readNBytes(size));
            assertThat(line(in)).as("end of a chunk").isEmpty();
        }
        return new Chunked(body.toString(StandardCharsets.UTF_8), fields(in));
    }

    private static Map<String, String> fields(InputStream in) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field = line(in); !field.isEmpty(); field = line(in)) {
            int colon = field.indexOf(':');
            fields.put(field.substring(0, colon).trim().toLowerCase(Locale.ROOT), field.substring(colon + 1).trim());
        }
        return fields;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
