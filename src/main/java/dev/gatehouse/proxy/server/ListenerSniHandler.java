package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.route.TlsChoice;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Client side, first TLS step: reads the SNI and asks the route table in force what the listener port the
 * connection arrived on does with it ({@link RouteTable#tls}): terminate with a certificate (a Gateway
 * listener's, or the Ingress mapping's), pass the TLS stream through to a TLSRoute's backend untouched
 * ({@link PassthroughRelay}), or refuse the handshake with a fatal alert and an access log line naming why (a
 * listener that is not programmed serves nothing; a name no listener takes where no Ingress is served: a Gateway
 * has no default certificate).
 */
final class ListenerSniHandler extends SniHandler {

    private static final AttributeKey<TlsChoice.Passthrough> PASSTHROUGH = AttributeKey.valueOf("gatehouse.passthrough");

    private final ProxyServices services;

    ListenerSniHandler(ProxyServices services, int maxClientHello) {
        super(host -> services.routes().get().sniMapping().map(host), maxClientHello,
                services.config().requestTimeout().toMillis());
        this.services = services;
    }

    @Override
    protected Future<SslContext> lookup(ChannelHandlerContext ctx, String hostname) throws Exception {
        RouteTable table = services.routes().get();
        if (!table.hasGateways()) {
            return super.lookup(ctx, hostname);
        }
        int listenerPort = services.ports().listenerPort(ConnectionInfo.of(ctx.channel()).localPort());
        TlsChoice choice = table.tls(listenerPort, Optional.ofNullable(hostname));
        if (choice instanceof TlsChoice.Terminate terminate) {
            return ctx.executor().newSucceededFuture(terminate.context());
        }
        if (choice instanceof TlsChoice.Passthrough passthrough) {
            ctx.channel().attr(PASSTHROUGH).set(passthrough);
            return ctx.executor().newSucceededFuture(table.sniMapping().map(null));
        }
        TlsChoice.Refuse refuse = (TlsChoice.Refuse) choice;
        services.logRefusedHandshake(table.clock().instant(), ConnectionInfo.of(ctx.channel()).client(),
                Optional.ofNullable(hostname), refuse.why());
        return ctx.executor().newFailedFuture(new RefusedHandshake(refuse));
    }

    /** The handshake the route table refused: {@link TlsSessionRecorder} answers it with the alert and closes. */
    static final class RefusedHandshake extends SSLHandshakeException {
        private final transient TlsChoice.Refuse refuse;

        RefusedHandshake(TlsChoice.Refuse refuse) {
            super(refuse.why());
            this.refuse = refuse;
        }

        /**
         * A fatal TLS alert record (content type 21, record version TLS 1.2 as TLS 1.3 servers send it too, two
         * bytes: level fatal, the description).
         */
        byte[] alertRecord() {
            return new byte[] {21, 3, 3, 0, 2, 2, (byte) refuse.alert()};
        }
    }

    @Override
    protected void replaceHandler(ChannelHandlerContext ctx, String hostname, SslContext context) throws Exception {
        TlsChoice.Passthrough passthrough = ctx.channel().attr(PASSTHROUGH).getAndSet(null);
        if (passthrough == null) {
            super.replaceHandler(ctx, hostname, context);
            return;
        }
        for (String name : new String[] {"tls-session", "alpn"}) {
            if (ctx.pipeline().get(name) != null) {
                ctx.pipeline().remove(name);
            }
        }
        // the buffered ClientHello goes to the relay when this handler leaves the pipeline
        ctx.pipeline().replace(this, "passthrough", new PassthroughRelay(services, passthrough, hostname));
    }
}
