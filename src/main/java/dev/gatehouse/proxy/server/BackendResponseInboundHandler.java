package dev.gatehouse.proxy.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * Backend side, inbound: hands the backend's response objects to the {@link ProxiedExchange} it is
 * bound to. While the connection idles in the pool, anything the backend sends is unexpected and closes
 * it, as does the idle timeout.
 */
final class BackendResponseInboundHandler extends ChannelInboundHandlerAdapter {

    private ProxiedExchange exchange;

    /**
     * The relay of a pooled backend connection. It is the pipeline's last handler (see
     * {@link BackendChannelInitializer}), so this is a constant-time look-up, not a walk of the pipeline
     * per request; null once a tunnel replaced it.
     */
    static BackendResponseInboundHandler of(Channel backend) {
        ChannelHandler last = backend.pipeline().last();
        return last instanceof BackendResponseInboundHandler relay ? relay
                : backend.pipeline().get(BackendResponseInboundHandler.class);
    }

    void bind(ProxiedExchange e) {
        this.exchange = e;
    }

    void unbind() {
        this.exchange = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (exchange == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        exchange.onBackendMessage(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ProxiedExchange e = exchange;
        if (e != null) {
            e.onBackendReadComplete();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ProxiedExchange e = exchange;
        exchange = null;
        if (e != null) {
            e.onBackendFailure(null);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ProxiedExchange e = exchange;
        exchange = null;
        if (e != null) {
            e.onBackendFailure(cause);
        }
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && exchange == null) {
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }
}
