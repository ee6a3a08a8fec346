package dev.gatehouse.proxy.server;

import dev.gatehouse.routing.route.Carriage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;
import io.netty.util.Attribute;

/**
 * Client side, outbound: adds {@code Strict-Transport-Security: max-age=31536000; includeSubDomains} to
 * HTTPS responses for hosts with TLS, as ingress-nginx does with its default {@code hsts: "true"}.
 * Whether it applies is decided per request ({@link Exchange#hsts()}).
 */
final class HstsResponseOutboundHandler extends ChannelOutboundHandlerAdapter {

    static final AsciiString HEADER = AsciiString.cached("Strict-Transport-Security");
    /** The engine's value ({@link Carriage#HSTS_VALUE}); whether it applies is the route's answer. */
    static final AsciiString VALUE = AsciiString.cached(Carriage.HSTS_VALUE);

    private Attribute<Exchange> exchange;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        exchange = ctx.channel().attr(Exchange.KEY);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            Exchange current = exchange.get();
            if (current != null && current.hsts() && !response.headers().contains(HEADER)) {
                response.headers().add(HEADER, VALUE);
            }
        }
        ctx.write(msg, promise);
    }
}
