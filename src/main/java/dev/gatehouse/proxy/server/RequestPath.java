package dev.gatehouse.proxy.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The request path as nginx (and so ingress-nginx) matches it against its locations, and the path a
 * backend receives after {@code rewrite-target}. nginx decodes every {@code %XX} (a decoded {@code /}
 * or {@code .} counts like a literal one), merges repeated slashes ({@code merge_slashes} is on), drops
 * {@code .} segments and resolves {@code ..}; a {@code ..} above the root, a broken escape or an encoded
 * NUL is a 400. A literal {@code #} ends the path. The query is not touched. Checked against nginx 1.22
 * (see {@code RequestPathTest}).
 *
 * <p>ingress-nginx's {@code proxy_pass http://upstream_balancer;} has no URI part, so nginx sends the
 * request target to the backend "in the same form as sent by a client" — the normalised path is only
 * used for matching — unless a rewrite changed the URI; then the rewritten, normalised path goes out,
 * escaped as nginx escapes it ({@link #escapeRewritten}).
 */
final class RequestPath {

    /** The normalised, decoded path ({@code problem} empty), or why the request is refused (path empty). */
    record Normalised(String path, String problem) {
        boolean valid() {
            return problem.isEmpty();
        }
    }

    /** The bytes nginx's {@code ngx_escape_uri(NGX_ESCAPE_URI)} escapes in a changed URI (as nginx 1.22 sends it). */
    private static final String ESCAPED_ASCII = " \"#%<>?\\^`{|}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestPath() {
    }

    /**
     * @param raw the path of the request target as received (from the first {@code /}, without the query)
     */
    static Normalised normalise(String raw) {
        int end = raw.indexOf('#');
        String path = end < 0 ? raw : raw.substring(0, end);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                int high = i + 1 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
                int low = i + 2 < path.length() ? Character.digit(path.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    String escape = path.substring(i, Math.min(i + 3, path.length()));
                    return refused("the path has a broken percent-escape \"" + escape + "\"");
                }
                int b = high * 16 + low;
                if (b == 0) {
                    return refused("the path contains an encoded NUL byte (%00)");
                }
                decoded.write(b);
                i += 2;
            } else if (c <= 0xff) {
                decoded.write(c); // the request line arrives as bytes, one char each
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                decoded.write(utf8, 0, utf8.length);
            }
        }
        return resolve(decoded.toString(StandardCharsets.UTF_8), raw);
    }

    /** Merges slashes, drops {@code .}, resolves {@code ..}; a trailing {@code /}, {@code .} or {@code ..} leaves a trailing slash. */
    private static Normalised resolve(String decoded, String raw) {
        List<String> segments = new ArrayList<>();
        boolean trailingSlash = false;
        int i = 0;
        while (i <= decoded.length()) {
            int slash = decoded.indexOf('/', i);
            int next = slash < 0 ? decoded.length() : slash;
            String segment = decoded.substring(i, next);
            boolean last = slash < 0;
            switch (segment) {
                case "" -> trailingSlash = last;
                case "." -> trailingSlash = last;
                case ".." -> {
                    if (segments.isEmpty()) {
                        return refused("the path \"" + raw + "\" goes above the root");
                    }
                    segments.remove(segments.size() - 1);
                    trailingSlash = last;
                }
                default -> {
                    segments.add(segment);
                    trailingSlash = false;
                }
            }
            i = next + 1;
        }
        StringBuilder b = new StringBuilder(decoded.length() + 1);
        for (String s : segments) {
            b.append('/').append(s);
        }
        if (b.length() == 0 || trailingSlash) {
            b.append('/');
        }
        return new Normalised(b.toString(), "");
    }

    private static Normalised refused(String problem) {
        return new Normalised("", problem);
    }

    /**
     * A URI changed by {@code rewrite-target}, escaped as nginx escapes a changed URI before sending it:
     * controls, space, {@code " # % < > ? \ ^ ` { | }} and every non-ASCII byte become {@code %XX}; the
     * query (after the first {@code ?}, which the rewrite itself placed) is sent as it is.
     */
    static String escapeRewritten(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        StringBuilder b = new StringBuilder(uri.length() + 8);
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c <= 0x20 || c >= 0x7f || ESCAPED_ASCII.indexOf(c) >= 0) {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                b.append((char) c);
            }
        }
        return q < 0 ? b.toString() : b.append(uri, q, uri.length()).toString();
    }
}
