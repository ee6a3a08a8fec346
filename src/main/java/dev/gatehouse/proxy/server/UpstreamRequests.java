package dev.gatehouse.proxy.server;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request the backend receives, as ingress-nginx builds it: HTTP/1.1 with the client's Host, the
 * hop-by-hop headers removed, and the forwarding headers of its template with {@code use-forwarded-headers}
 * and {@code compute-full-forwarded-for} off (the client's own X-Forwarded-For is replaced, kept in
 * X-Original-Forwarded-For).
 */
final class UpstreamRequests {

    /** Headers that describe one connection only (RFC 9110 §7.6.1) and never pass a proxy. */
    private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.TE, HttpHeaderNames.TRAILER,
            HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE, HttpHeaderNames.PROXY_AUTHENTICATE);
    private static final AsciiString X_REQUEST_ID = AsciiString.cached("X-Request-ID");
    private static final AsciiString X_REAL_IP = AsciiString.cached("X-Real-IP");
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    private static final AsciiString X_ORIGINAL_FORWARDED_FOR = AsciiString.cached("X-Original-Forwarded-For");
    private static final AsciiString X_FORWARDED_HOST = AsciiString.cached("X-Forwarded-Host");
    private static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    private static final AsciiString X_FORWARDED_SCHEME = AsciiString.cached("X-Forwarded-Scheme");
    private static final AsciiString X_SCHEME = AsciiString.cached("X-Scheme");
    private static final AsciiString X_ORIGINAL_URI = AsciiString.cached("X-Original-URI");
    /**
     * Headers of the client's request that the proxy replaces with its own values, or drops: Expect, as
     * nginx does, because the backend gets the whole request at once.
     */
    private static final List<AsciiString> REPLACED = List.of(HttpHeaderNames.EXPECT, X_REAL_IP, X_FORWARDED_FOR, X_ORIGINAL_FORWARDED_FOR,
            X_FORWARDED_HOST, X_FORWARDED_PORT, X_FORWARDED_PROTO, X_FORWARDED_SCHEME, X_SCHEME, X_ORIGINAL_URI,
            HttpHeaderNames.CONTENT_LENGTH);
    /** Headers an HTTP/2 stream carries as pseudo-header stand-ins after conversion to HTTP/1. */
    private static final String HTTP2_PREFIX = "x-http2-";
    /** The request's headers were validated by the decoder and the proxy's own values are well-formed. */
    private static final HttpHeadersFactory UNVALIDATED = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final AsciiString HTTP = AsciiString.cached("http");
    private static final AsciiString HTTPS = AsciiString.cached("https");

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
                request.content().retainedDuplicate(), UNVALIDATED.newHeaders(), EmptyHttpHeaders.INSTANCE);
        HttpHeaders in = request.headers();
        HttpHeaders headers = upstream.headers();
        List<String> listed = connectionHeaders(in);
        boolean requestId = false;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = in.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            CharSequence name = header.getKey();
            if (anyOf(HOP_BY_HOP, name) || anyOf(REPLACED, name) || listedIn(listed, name)
                    || AsciiString.regionMatches(name, true, 0, HTTP2_PREFIX, 0, HTTP2_PREFIX.length())) {
                continue;
            }
            requestId |= AsciiString.contentEqualsIgnoreCase(name, X_REQUEST_ID);
            headers.add(name, header.getValue());
        }
        if (websocket) {
            String upgrade = in.get(HttpHeaderNames.UPGRADE);
            if (upgrade != null) {
                headers.add(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
                headers.add(HttpHeaderNames.UPGRADE, upgrade);
            }
        }
        // Values as AsciiString where the proxy makes them: the encoder copies those without conversion.
        AsciiString clientIp = connection.clientAddressAscii();
        AsciiString schemeValue = scheme.equals("https") ? HTTPS : scheme.equals("http") ? HTTP : AsciiString.of(scheme);
        if (!requestId) {
            headers.add(X_REQUEST_ID, requestId());
        }
        headers.add(X_REAL_IP, clientIp);
        headers.add(X_FORWARDED_FOR, clientIp);
        String incomingForwardedFor = in.get(X_FORWARDED_FOR);
        if (incomingForwardedFor != null) {
            headers.add(X_ORIGINAL_FORWARDED_FOR, incomingForwardedFor);
        }
        headers.add(X_FORWARDED_HOST, in.get(HttpHeaderNames.HOST, ""));
        headers.add(X_FORWARDED_PORT, connection.localPortText());
        headers.add(X_FORWARDED_PROTO, schemeValue);
        headers.add(X_FORWARDED_SCHEME, schemeValue);
        headers.add(X_SCHEME, schemeValue);
        headers.add(X_ORIGINAL_URI, request.uri());
        int length = upstream.content().readableBytes();
        if (length > 0 || in.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            headers.add(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(length));
        }
        return upstream;
    }

    /** Header names listed in Connection, lower case (they are hop-by-hop too); none for the usual values. */
    static List<String> connectionHeaders(HttpHeaders headers) {
        List<String> values = headers.getAll(HttpHeaderNames.CONNECTION);
        if (values.isEmpty()) {
            return List.of();
        }
        if (values.size() == 1 && plainConnectionValue(values.get(0))) {
            return List.of();
        }
        List<String> names = new ArrayList<>(2);
        for (String value : values) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("close") && !name.equals("keep-alive") && !name.equals("upgrade")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** {@code keep-alive}, {@code close} or {@code upgrade} alone: no header names listed. */
    private static boolean plainConnectionValue(String value) {
        return value.equalsIgnoreCase("keep-alive") || value.equalsIgnoreCase("close")
                || value.equalsIgnoreCase("upgrade");
    }

    /** Removes hop-by-hop headers from a backend response before it goes to the client. */
    static void stripResponseHopByHop(HttpHeaders headers, boolean keepUpgrade) {
        for (String name : connectionHeaders(headers)) {
            headers.remove(name);
        }
        String upgrade = keepUpgrade ? headers.get(HttpHeaderNames.UPGRADE) : null;
        for (AsciiString name : HOP_BY_HOP) {
            if (name != HttpHeaderNames.TRANSFER_ENCODING) {
                headers.remove(name);
            }
        }
        if (upgrade != null) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
    }

    /** True when the request asks to switch to WebSocket. */
    static boolean websocket(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                && request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    private static boolean anyOf(List<AsciiString> names, CharSequence name) {
        for (int i = 0; i < names.size(); i++) {
            AsciiString candidate = names.get(i);
            if (candidate.length() == name.length() && candidate.contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean listedIn(List<String> listed, CharSequence name) {
        for (int i = 0; i < listed.size(); i++) {
            if (AsciiString.contentEqualsIgnoreCase(listed.get(i), name)) {
                return true;
            }
        }
        return false;
    }

    /** 32 hex digits, like ingress-nginx's {@code $req_id}. */
    private static AsciiString requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        byte[] id = new byte[32];
        long a = r.nextLong();
        long b = r.nextLong();
        for (int i = 15; i >= 0; i--) {
            id[i] = HEX[(int) (a & 0xf)];
            id[16 + i] = HEX[(int) (b & 0xf)];
            a >>>= 4;
            b >>>= 4;
        }
        return new AsciiString(id, false);
    }
}
