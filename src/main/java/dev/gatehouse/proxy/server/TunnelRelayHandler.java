package dev.gatehouse.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;

/**
 * Either side, inbound, after a WebSocket upgrade: relays bytes to the peer channel unchanged, reading
 * the next chunk only after the previous one was written (backpressure both ways). When one side closes,
 * the other is closed after its pending writes.
 */
final class TunnelRelayHandler extends ChannelInboundHandlerAdapter {

    private final Channel peer;

    /**
     * After a 101 was relayed: both connections drop their HTTP handlers and relay bytes; what the backend
     * sent after its 101 in the same read ({@code early}) goes to the client first.
     */
    static void splice(Channel client, Channel backend, List<ByteBuf> early) {
        backend.pipeline().remove(BackendResponseInboundHandler.class);
        backend.pipeline().remove("backend-idle");
        backend.pipeline().addLast("tunnel", new TunnelRelayHandler(client));
        backend.pipeline().remove("backend-http-codec");
        for (String name : List.of("request-deadline", "body-limit", "response-headers", "client-request")) {
            if (client.pipeline().get(name) != null) {
                client.pipeline().remove(name);
            }
        }
        client.pipeline().addLast("tunnel", new TunnelRelayHandler(backend));
        client.pipeline().remove("http-codec");
        early.forEach(client::write);
        client.flush();
        client.read();
        backend.read();
    }

    TunnelRelayHandler(Channel peer) {
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        peer.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                ctx.channel().read();
            } else {
                ctx.close();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (peer.isActive()) {
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
