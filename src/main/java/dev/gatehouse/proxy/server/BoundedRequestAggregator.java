package dev.gatehouse.proxy.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Client side, inbound: collects each request with its body up to the limit (ingress-nginx's
 * {@code proxy-body-size}, 1 MiB by default). A larger body is not read: the request handler is told
 * with an {@link OversizedRequest} event and answers 413. A request that announces no body (most of
 * them: no Content-Length, no Transfer-Encoding) becomes a whole request directly, without an
 * aggregation buffer.
 */
final class BoundedRequestAggregator extends HttpObjectAggregator {

    private final int limit;
    private HttpRequest bodyless;

    BoundedRequestAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
        this.limit = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (bodyless != null) {
            HttpRequest head = bodyless;
            bodyless = null;
            if (msg == LastHttpContent.EMPTY_LAST_CONTENT) {
                ctx.fireChannelRead(whole(head));
                return;
            }
            super.channelRead(ctx, head); // not what the decoder sends for a bodyless request: aggregate
        } else if (msg instanceof HttpRequest request && !(msg instanceof FullHttpRequest) && announcesNoBody(request)) {
            bodyless = request;
            return;
        }
        super.channelRead(ctx, msg);
    }

    private static boolean announcesNoBody(HttpRequest request) {
        return request.decoderResult().isSuccess() && !request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                && !request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    private static FullHttpRequest whole(HttpRequest head) {
        FullHttpRequest request = new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(),
                Unpooled.EMPTY_BUFFER, head.headers(), EmptyHttpHeaders.INSTANCE);
        request.setDecoderResult(head.decoderResult());
        return request;
    }

    /**
     * No {@code 100 Continue} for a request read ahead while another is answered: it would land inside
     * that response. The client sends its body after its own short wait instead (RFC 9110 §10.1.1).
     */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        if (pipeline.channel().attr(Exchange.KEY).get() != null) {
            return null;
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
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
