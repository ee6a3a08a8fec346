package dev.gatehouse.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Pages the proxy answers with itself: redirects, "no rule matched", and backend failures naming the backend. */
final class ErrorPages {

    private ErrorPages() {
    }

    /** An HTML page with the status as title and one plain explanation. */
    static FullHttpResponse page(ByteBufAllocator alloc, HttpResponseStatus status, String explanation) {
        String title = status.code() + " " + status.reasonPhrase();
        String html = "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>\n<body>\n<h1>" + title
                + "</h1>\n<p>" + escape(explanation) + "</p>\n<hr><p>Gatehouse local proxy</p>\n</body></html>\n";
        FullHttpResponse response = response(alloc, status, html, "text/html; charset=utf-8");
        response.headers().set("X-Gatehouse-Reason", header(explanation));
        return response;
    }

    /** A 308 to {@code location} with nginx's small body. */
    static FullHttpResponse redirect(ByteBufAllocator alloc, String location) {
        return redirect(alloc, HttpResponseStatus.PERMANENT_REDIRECT, location);
    }

    /** A redirect with this status to {@code location} with nginx's small body. */
    static FullHttpResponse redirect(ByteBufAllocator alloc, HttpResponseStatus status, String location) {
        String title = status.code() + " " + status.reasonPhrase();
        String html = "<html>\n<head><title>" + title + "</title></head>\n<body>\n"
                + "<center><h1>" + title + "</h1></center>\n<hr><center>Gatehouse local proxy</center>\n"
                + "</body>\n</html>\n";
        FullHttpResponse response = response(alloc, status, html, "text/html; charset=utf-8");
        response.headers().set(HttpHeaderNames.LOCATION, location);
        return response;
    }

    private static FullHttpResponse response(ByteBufAllocator alloc, HttpResponseStatus status, String body,
                                             String type) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteBuf content = alloc.buffer(bytes.length).writeBytes(bytes);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A header-safe single line (visible ASCII), at most 300 characters. */
    static String header(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? c : c == '\u2192' ? '>' : '?');
            if (b.length() >= 300) {
                break;
            }
        }
        return b.toString();
    }
}
