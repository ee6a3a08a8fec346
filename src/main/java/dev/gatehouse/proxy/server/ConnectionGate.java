package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client side, first inbound handler of every connection: admits it while fewer than the cap are
 * open (beyond that the connection is closed at once, like a full accept queue), records who
 * connected, and starts reading (the channels run with AUTO_READ off). Shared by both listeners.
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    ConnectionGate(int max) {
        this.max = max;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() > max) {
            if (rejected.getAndIncrement() % 1000 == 0) {
                LOG.warn("Connection cap of {} reached: closing new connections", max);
            }
            ctx.close();
            return;
        }
        ConnectionInfo.attach(ctx.channel(), ctx.pipeline().get("tls-sni") != null);
        ctx.fireChannelActive();
        ctx.read();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.decrementAndGet();
        ctx.fireChannelInactive();
    }

    /** Connections open now. */
    int open() {
        return open.get();
    }

    /** Connections closed because of the cap since start. */
    int rejected() {
        return rejected.get();
    }
}
