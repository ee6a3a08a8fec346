package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Client side, inbound: collects each request with its body up to the limit (ingress-nginx's
 * {@code proxy-body-size}, 1 MiB by default). A larger body is not read: the request handler is told
 * with an {@link OversizedRequest} event and answers 413.
 */
final class BoundedRequestAggregator extends HttpObjectAggregator {

    private final int limit;

    BoundedRequestAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
        this.limit = maxBodyBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest request) {
            String host = request.headers().get(HttpHeaderNames.HOST, "");
            ctx.fireUserEventTriggered(new OversizedRequest(request.method().name(), request.uri(), host, limit));
        } else {
            ctx.close();
        }
    }
}
