package dev.gatehouse.proxy.server;

import dev.gatehouse.routing.NginxPath;

import java.nio.charset.StandardCharsets;

/**
 * The request path as nginx (and so ingress-nginx) matches it against its locations ({@link NginxPath},
 * the one implementation, shared with explain), and the path a backend receives after
 * {@code rewrite-target}. Checked against nginx 1.22 (see {@code RequestPathTest}).
 *
 * <p>ingress-nginx's {@code proxy_pass http://upstream_balancer;} has no URI part, so nginx sends the
 * request target to the backend "in the same form as sent by a client" — the normalised path is only
 * used for matching — unless a rewrite changed the URI; then the rewritten, normalised path goes out,
 * escaped as nginx escapes it ({@link #escapeRewritten}).
 */
final class RequestPath {

    /** The bytes nginx's {@code ngx_escape_uri(NGX_ESCAPE_URI)} escapes in a changed URI (as nginx 1.22 sends it). */
    private static final String ESCAPED_ASCII = " \"#%<>?\\^`{|}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestPath() {
    }

    /**
     * @param raw the path of the request target as received (from the first {@code /}, without the query)
     * @see NginxPath#normalise
     */
    static NginxPath.Normalised normalise(String raw) {
        return NginxPath.normalise(raw);
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
