package dev.gatehouse.proxy.server;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.tls.HostnameMatcher;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns an HTTP request and its connection into the engine's {@link ProbeRequest}. */
final class RequestProbe {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._~%!$&'()*+,;=-]*");

    /** A probe, or the reason the request is malformed (answered with 400). */
    record Result(Optional<ProbeRequest> probe, String hostHeader, String problem) {
    }

    private RequestProbe() {
    }

    static Result of(HttpRequest request, ConnectionInfo connection) {
        String uri = request.uri();
        String rawHost = request.headers().get(HttpHeaderNames.HOST);
        String path;
        String query = "";
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
                rawHost = absolute.getRawAuthority();
                path = absolute.getRawPath() == null || absolute.getRawPath().isEmpty() ? "/" : absolute.getRawPath();
                query = absolute.getRawQuery() == null ? "" : absolute.getRawQuery();
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
        String scheme = connection.tls() ? "https" : "http";
        ProbeRequest probe = new ProbeRequest(request.method().name(), scheme, host.get(), connection.localPort(),
                path, query, connection.tls() ? connection.sni() : Optional.empty(), ClientCertificate.NONE);
        return new Result(Optional.of(probe), rawHost, "");
    }

    private static Result bad(String rawHost, String problem) {
        return new Result(Optional.empty(), rawHost == null ? "" : rawHost, problem);
    }

    /** The host of a Host header value without port, normalised; empty when malformed. */
    static Optional<String> hostOnly(String value) {
        String host = value;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            host = value.substring(1, end);
            String rest = value.substring(end + 1);
            if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) {
                return Optional.empty();
            }
            return Optional.of(HostnameMatcher.normalize(host));
        }
        int colon = value.lastIndexOf(':');
        if (colon >= 0) {
            if (!value.substring(colon + 1).matches("\\d{0,5}")) {
                return Optional.empty();
            }
            host = value.substring(0, colon);
        }
        if (!HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return Optional.of(HostnameMatcher.normalize(host));
    }
}
