package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.AttributeKey;
import java.util.List;

/**
 * HTTP/2 stream, inbound, before the conversion to HTTP/1 objects (which turns {@code :authority} into a
 * Host header beside any Host the client sent): a request whose Host header names another host than
 * its {@code :authority} is malformed (RFC 9113 §8.3.1, compared after scheme-based normalisation), and
 * so is one with more than one Host header. The reason is left on the stream for the request handler,
 * which answers 400 before the stream ends (RFC 9113 §8.1.1 allows a response to a malformed request)
 * instead of the conversion failing with no answer. A Host equal to {@code :authority} is dropped, so
 * the request carries one Host.
 */
final class Http2AuthorityCheck extends ChannelInboundHandlerAdapter {

    /** Why the stream's request is malformed; absent when it is not. */
    static final AttributeKey<String> PROBLEM = AttributeKey.valueOf("gatehouse.h2-authority-problem");

    private boolean seen;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!seen && msg instanceof Http2HeadersFrame frame) {
            seen = true; // only the request's own headers; a later HEADERS frame is the trailer
            String problem = check(frame.headers());
            if (problem != null) {
                ctx.channel().attr(PROBLEM).set(problem);
                frame.headers().remove(HttpHeaderNames.HOST); // refused anyway; the conversion would throw
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** The problem with these request headers, or null (after removing a Host that repeats :authority). */
    static String check(Http2Headers headers) {
        String pseudo = missingPseudoHeader(headers);
        if (pseudo != null) {
            return pseudo;
        }
        List<CharSequence> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.isEmpty()) {
            return null;
        }
        if (hosts.size() > 1) {
            return "the request has " + hosts.size() + " Host headers; at most one is allowed";
        }
        CharSequence authority = headers.authority();
        if (authority == null) {
            return null;
        }
        String scheme = headers.scheme() == null ? "https" : headers.scheme().toString();
        if (!RequestProbe.sameAuthority(hosts.get(0).toString().trim(), authority.toString(), scheme)) {
            return "the Host header \"" + hosts.get(0) + "\" names another host than :authority \"" + authority
                    + "\" (RFC 9113 \u00a78.3.1)";
        }
        headers.remove(HttpHeaderNames.HOST);
        return null;
    }

    /**
     * A request without {@code :method}, or without {@code :path} (other than CONNECT), is malformed (RFC 9113
     * §8.3.1); the conversion to HTTP/1 would throw (ProxyRequestFuzzTest#http2 found it), so placeholders
     * stand in for the request that is answered 400 anyway.
     */
    private static String missingPseudoHeader(Http2Headers headers) {
        if (headers.method() == null) {
            headers.method("GET");
            if (headers.path() == null) {
                headers.path("/");
            }
            return "the request has no :method pseudo-header (RFC 9113 \u00a78.3.1)";
        }
        if (headers.path() == null && !"CONNECT".contentEquals(headers.method())) {
            headers.path("/");
            return "the request has no :path pseudo-header (RFC 9113 \u00a78.3.1)";
        }
        CharSequence path = headers.path();
        for (int i = 0; path != null && i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c == 0x7f) { // the conversion to HTTP/1 refuses it with an exception
                headers.path("/");
                return String.format("the :path pseudo-header contains the character 0x%02x", (int) c);
            }
        }
        return null;
    }
}
