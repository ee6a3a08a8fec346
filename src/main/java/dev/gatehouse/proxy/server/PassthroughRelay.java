package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.backend.BackendTarget;
import dev.gatehouse.proxy.route.TlsChoice;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client side, instead of TLS, for a TLSRoute on a Passthrough listener: keeps the bytes read so far (the
 * ClientHello), finds the backend of the Service port, opens a plain TCP connection to it and becomes a byte
 * tunnel ({@link TunnelRelayHandler}); TLS is between the client and the backend. The access log gets one line
 * per connection ({@code TLS} with the SNI and the backend).
 */
final class PassthroughRelay extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PassthroughRelay.class);

    private final ProxyServices services;
    private final TlsChoice.Passthrough passthrough;
    private final String sni;
    private final List<Object> early = new ArrayList<>();
    private boolean started;
    private boolean gone;

    PassthroughRelay(ProxyServices services, TlsChoice.Passthrough passthrough, String sni) {
        this.services = services;
        this.passthrough = passthrough;
        this.sni = sni == null ? "" : sni;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        early.add(msg);
        if (!started) {
            started = true;
            CompletableFuture<BackendTarget> lookup = services.backends().locate(passthrough.backend());
            lookup.whenComplete((target, error) -> ctx.executor().execute(() -> {
                if (error != null) {
                    fail(ctx, "no way to reach " + passthrough.backend().display() + ": " + BackendFailures.reason(error));
                } else {
                    connect(ctx, target);
                }
            }));
        }
    }

    private void connect(ChannelHandlerContext ctx, BackendTarget target) {
        if (gone) {
            return;
        }
        Channel client = ctx.channel();
        services.pool().openRaw(client.eventLoop(), target, new TunnelRelayHandler(client)).addListener(f -> {
            if (!f.isSuccess()) {
                fail(ctx, "could not connect to " + target + ": " + BackendFailures.reason(f.cause()));
                return;
            }
            Channel backend = (Channel) f.getNow();
            if (gone) {
                backend.close();
                return;
            }
            log(ctx, 200, "TLS passed through to " + passthrough.backend().display() + " at " + target + " ("
                    + passthrough.why() + ")");
            early.forEach(backend::write);
            early.clear();
            backend.flush();
            ctx.pipeline().replace(this, "tunnel", new TunnelRelayHandler(backend));
            client.read();
            backend.read();
        });
    }

    private void fail(ChannelHandlerContext ctx, String why) {
        LOG.info("TLS passthrough for {} failed: {}", sni, why);
        log(ctx, 502, why);
        release();
        ctx.close();
    }

    private void log(ChannelHandlerContext ctx, int status, String note) {
        ConnectionInfo info = ConnectionInfo.of(ctx.channel());
        info.sni(sni);
        Exchange exchange = new Exchange(services.routes().get().clock().instant(), info, "tls", "TLS", sni, "", false);
        exchange.status(status);
        exchange.note(note);
        services.log(exchange);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        gone = true;
        release();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Passthrough connection failed: {}", cause.toString());
        ctx.close();
    }

    private void release() {
        early.forEach(ReferenceCountUtil::release);
        early.clear();
    }
}
