package dev.gatehouse.proxy.server;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.NginxPath;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.tls.HostnameMatcher;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an HTTP request and its connection into the engine's {@link ProbeRequest}: the Host (one, and
 * the same as an absolute-form target's authority), and the path as nginx matches it ({@link RequestPath}).
 */
final class RequestProbe {

    /**
     * A probe, or the reason the request is malformed (answered with 400).
     *
     * @param hostHeader the Host the request is for (an absolute-form target's authority), as received
     * @param target     the path and query the backend receives unless a rewrite changes them: the request
     *                   target as the client sent it (only the path and query of an absolute-form target)
     */
    record Result(Optional<ProbeRequest> probe, String hostHeader, String problem, String target) {
    }

    private RequestProbe() {
    }

    static Result of(HttpRequest request, ConnectionInfo connection) {
        String uri = request.uri();
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        String rawHost = hosts.isEmpty() ? null : hosts.get(0);
        if (hosts.size() > 1) {
            return bad(rawHost, "the request has " + hosts.size() + " Host headers; exactly one is allowed"
                    + " (RFC 9112 \u00a73.2)");
        }
        String path;
        String query = "";
        String target = uri;
        if (uri.startsWith("/")) {
            int q = uri.indexOf('?');
            path = q < 0 ? uri : uri.substring(0, q);
            query = q < 0 ? "" : uri.substring(q + 1);
        } else if (uri.equals("*")) {
            path = "/";
        } else {
            try {
                URI absolute = new URI(uri);
                if (absolute.getScheme() == null || absolute.getRawAuthority() == null) {
                    return bad(rawHost, "the request target \"" + uri + "\" is neither a path nor an absolute URL");
                }
                String authority = absolute.getRawAuthority();
                if (rawHost != null && !sameAuthority(rawHost.trim(), authority, absolute.getScheme())) {
                    return bad(rawHost, "the Host header \"" + rawHost + "\" names another host than the request"
                            + " target " + uri + " (the backend would be chosen for one and told the other)");
                }
                rawHost = authority;
                path = absolute.getRawPath() == null || absolute.getRawPath().isEmpty() ? "/" : absolute.getRawPath();
                query = absolute.getRawQuery() == null ? "" : absolute.getRawQuery();
                target = query.isEmpty() ? path : path + "?" + query;
            } catch (URISyntaxException e) {
                return bad(rawHost, "the request target \"" + uri + "\" is not valid: " + e.getReason());
            }
        }
        if (rawHost == null) {
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                return bad("", "an HTTP/1.1 request must have a Host header");
            }
            rawHost = "";
        }
        Optional<String> host = hostOnly(rawHost.trim());
        if (host.isEmpty()) {
            return bad(rawHost, "the Host header \"" + rawHost + "\" is not a host name");
        }
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < 0x20 || c == 0x7f) { // nginx refuses control characters anywhere in the request line
                return bad(rawHost, String.format("the query contains the control character 0x%02x", (int) c));
            }
        }
        NginxPath.Normalised normalised = RequestPath.normalise(path);
        if (!normalised.valid()) {
            return bad(rawHost, normalised.problem());
        }
        String scheme = connection.tls() ? "https" : "http";
        ProbeRequest probe = new ProbeRequest(request.method().name(), scheme, host.get(), connection.localPort(),
                path, query, connection.tls() ? connection.sni() : Optional.empty(),
                ClientCertificate.NONE);
        return new Result(Optional.of(probe), rawHost, "", target);
    }

    /**
     * Two authorities name the same host and port after scheme-based normalisation (RFC 3986 \u00a76.2.3:
     * host case-insensitive, no port = the scheme's default port).
     */
    static boolean sameAuthority(String a, String b, String scheme) {
        Optional<String> hostA = hostOnly(a);
        Optional<String> hostB = hostOnly(b);
        if (hostA.isEmpty() || hostB.isEmpty() || !hostA.get().equals(hostB.get())) {
            return false;
        }
        int defaultPort = "https".equalsIgnoreCase(scheme) ? 443 : 80;
        return portOf(a, defaultPort) == portOf(b, defaultPort);
    }

    /** The port of a (well-formed) authority, or the default. */
    private static int portOf(String authority, int defaultPort) {
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || colon == authority.length() - 1 || authority.lastIndexOf(']') > colon) {
            return defaultPort;
        }
        return Integer.parseInt(authority.substring(colon + 1));
    }

    /**
     * Like {@link #of}, after checking every header name is a token and no value holds CR, LF or NUL
     * (so nothing can be smuggled into the HTTP/1 request to the backend), and that the stream's Host
     * agreed with its {@code :authority} ({@link Http2AuthorityCheck}: {@code authorityProblem} null).
     */
    static Result checkedHeaders(HttpRequest request, ConnectionInfo connection, String authorityProblem) {
        if (authorityProblem != null) {
            return bad(request.headers().get(HttpHeaderNames.HOST), authorityProblem);
        }
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = request.headers().iteratorCharSequence();
             it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            if (HttpHeaderValidationUtil.validateToken(header.getKey()) >= 0
                    || HttpHeaderValidationUtil.validateValidHeaderValue(header.getValue()) >= 0) {
                String host = request.headers().get(HttpHeaderNames.HOST);
                return bad(host, "the header \"" + printable(header.getKey()) + "\" is not valid in HTTP");
            }
        }
        return of(request, connection);
    }

    private static String printable(CharSequence text) {
        StringBuilder b = new StringBuilder();
        text.chars().limit(64).forEach(c -> b.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return b.toString();
    }

    private static Result bad(String rawHost, String problem) {
        return new Result(Optional.empty(), rawHost == null ? "" : rawHost, problem, "");
    }

    /** The host of a Host header value without port, normalised; empty when malformed. */
    static Optional<String> hostOnly(String value) {
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            boolean portOk = end == value.length() - 1
                    || end >= 0 && value.charAt(end + 1) == ':' && end + 2 < value.length() && port(value, end + 2);
            if (end < 0 || !portOk) {
                return Optional.empty();
            }
            return Optional.of(HostnameMatcher.normalize(value.substring(1, end)));
        }
        int colon = value.lastIndexOf(':');
        int hostEnd = colon >= 0 ? colon : value.length();
        if (colon >= 0 && !port(value, colon + 1)) {
            return Optional.empty();
        }
        for (int i = 0; i < hostEnd; i++) {
            if (!hostChar(value.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(HostnameMatcher.normalize(colon >= 0 ? value.substring(0, colon) : value));
    }

    /** True when the characters from {@code from} to the end are at most five digits. */
    private static boolean port(String value, int from) {
        if (value.length() - from > 5) {
            return false;
        }
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A character RFC 3986 allows in a reg-name (unreserved, sub-delims, percent-encoding). */
    private static boolean hostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "._~%!$&'()*+,;=-".indexOf(c) >= 0;
    }
}
