package dev.gatehouse.proxy.server;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request the backend receives, as ingress-nginx builds it: HTTP/1.1 with the client's Host, the
 * hop-by-hop headers removed, and the forwarding headers of its template with {@code use-forwarded-headers}
 * and {@code compute-full-forwarded-for} off (the client's own X-Forwarded-For is replaced, kept in
 * X-Original-Forwarded-For).
 */
final class UpstreamRequests {

    /** Headers that describe one connection only (RFC 9110 §7.6.1) and never pass a proxy. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "proxy-authenticate");

    private UpstreamRequests() {
    }

    /**
     * @param request    the client's request (its content is shared, not copied: retained once)
     * @param uri        the path and query for the backend (rewritten or as sent)
     * @param connection the client connection
     * @param scheme     {@code http} or {@code https}
     * @param websocket  the request asks for a WebSocket upgrade that is passed through
     */
    static FullHttpRequest build(FullHttpRequest request, String uri, ConnectionInfo connection, String scheme,
                                 boolean websocket) {
        FullHttpRequest upstream = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(), uri,
                request.content().retainedDuplicate());
        HttpHeaders headers = upstream.headers();
        headers.set(request.headers());
        String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
        for (String name : connectionHeaders(request.headers())) {
            headers.remove(name);
        }
        HOP_BY_HOP.forEach(headers::remove);
        headers.names().stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith("x-http2-")).toList()
                .forEach(headers::remove);
        if (websocket && upgrade != null) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
        String host = request.headers().get(HttpHeaderNames.HOST, "");
        String clientIp = connection.clientAddress();
        String incomingForwardedFor = request.headers().get("X-Forwarded-For");
        if (!headers.contains("X-Request-ID")) {
            headers.set("X-Request-ID", requestId());
        }
        headers.set("X-Real-IP", clientIp);
        headers.set("X-Forwarded-For", clientIp);
        if (incomingForwardedFor != null) {
            headers.set("X-Original-Forwarded-For", incomingForwardedFor);
        } else {
            headers.remove("X-Original-Forwarded-For");
        }
        headers.set("X-Forwarded-Host", host);
        headers.set("X-Forwarded-Port", String.valueOf(connection.localPort()));
        headers.set("X-Forwarded-Proto", scheme);
        headers.set("X-Forwarded-Scheme", scheme);
        headers.set("X-Scheme", scheme);
        headers.set("X-Original-URI", request.uri());
        int length = upstream.content().readableBytes();
        if (length > 0 || request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        } else {
            headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        return upstream;
    }

    /** Header names listed in Connection (they are hop-by-hop too). */
    static List<String> connectionHeaders(HttpHeaders headers) {
        return headers.getAll(HttpHeaderNames.CONNECTION).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .filter(s -> !s.equals("close") && !s.equals("keep-alive") && !s.equals("upgrade"))
                .toList();
    }

    /** Removes hop-by-hop headers from a backend response before it goes to the client. */
    static void stripResponseHopByHop(HttpHeaders headers, boolean keepUpgrade) {
        for (String name : connectionHeaders(headers)) {
            headers.remove(name);
        }
        String upgrade = headers.get(HttpHeaderNames.UPGRADE);
        for (String name : HOP_BY_HOP) {
            if (!name.equals("transfer-encoding")) {
                headers.remove(name);
            }
        }
        if (keepUpgrade && upgrade != null) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
    }

    /** True when the request asks to switch to WebSocket. */
    static boolean websocket(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                && request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String a = Long.toHexString(r.nextLong());
        String b = Long.toHexString(r.nextLong());
        return "0".repeat(16 - a.length()) + a + "0".repeat(16 - b.length()) + b;
    }
}
