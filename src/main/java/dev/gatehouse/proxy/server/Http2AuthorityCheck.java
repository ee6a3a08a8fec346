package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.AttributeKey;
import java.util.List;

/**
 * HTTP/2 stream, inbound, before the conversion to HTTP/1 objects (which turns {@code :authority} into a
 * Host header beside any Host the client sent): a request whose Host header names another host than
 * its {@code :authority} is malformed (RFC 9113 §8.3.1, compared after scheme-based normalisation), and
 * so is one with more than one Host header, and one whose request line could not be an HTTP/1 request line
 * (no or a bad {@code :method}, a {@code :path} that is missing or not visible ASCII). The reason is left on the stream for the request handler,
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
        String pseudo = malformedRequestLine(headers);
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
     * A request whose {@code :method} is missing or not a token, or whose request target ({@code :path}, or
     * {@code :authority} for CONNECT) is missing, empty or holds a byte outside visible ASCII, is malformed
     * (RFC 9113 §8.3.1, RFC 9110 §9.1, RFC 3986). Netty's conversion to HTTP/1 would throw on it before the
     * request exists, and leak the body buffer it had already allocated (ProxyRequestFuzzTest#http2 found
     * both: a missing :method returned before the :path was looked at, so a :path with non-ASCII bytes and a
     * space still reached the conversion). So whatever the problem, the request line is replaced by
     * {@code GET /}: the request is answered 400 with the problem anyway.
     */
    private static String malformedRequestLine(Http2Headers headers) {
        String problem = requestLineProblem(headers);
        if (problem != null) {
            headers.method("GET");
            headers.path("/");
        }
        return problem;
    }

    private static String requestLineProblem(Http2Headers headers) {
        CharSequence method = headers.method();
        if (method == null) {
            return "the request has no :method pseudo-header (RFC 9113 \u00a78.3.1)";
        }
        if (method.length() == 0 || HttpHeaderValidationUtil.validateToken(method) != -1) {
            return "the :method pseudo-header \"" + printable(method) + "\" is not a method name (RFC 9110 \u00a79.1)";
        }
        boolean connect = HttpMethod.CONNECT.asciiName().contentEqualsIgnoreCase(method);
        String name = connect ? ":authority" : ":path";
        CharSequence target = connect ? headers.authority() : headers.path();
        if (target == null) {
            return "the request has no " + name + " pseudo-header (RFC 9113 \u00a78.3.1)";
        }
        if (target.length() == 0) {
            return "the " + name + " pseudo-header is empty (RFC 9113 \u00a78.3.1)";
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return String.format("the %s pseudo-header contains the byte 0x%02x at %d: only visible ASCII is"
                        + " allowed (RFC 3986; percent-encode anything else)", name, (int) c & 0xff, i);
            }
        }
        return null;
    }

    /** The value with anything outside visible ASCII shown as {@code \\xNN}, at most 64 characters. */
    private static String printable(CharSequence value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 64; i++) {
            char c = value.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            }
        }
        return out.toString();
    }
}
