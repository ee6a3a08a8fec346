package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client side, after the TLS handshake: installs the HTTP/2 or the HTTP/1.1 handlers, as ALPN agreed
 * (HTTP/1.1 without ALPN), then removes itself.
 */
final class AlpnProtocolConfigurer extends ApplicationProtocolNegotiationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AlpnProtocolConfigurer.class);

    private final ProxyServices services;

    AlpnProtocolConfigurer(ProxyServices services) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.services = services;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            ClientPipelines.http2(ctx.pipeline(), services);
            // An HTTP/2 connection carries many streams: it reads continuously; flow control bounds it.
            ctx.channel().config().setAutoRead(true);
        } else {
            ClientPipelines.http1(ctx.pipeline(), services);
            ctx.read();
        }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** Closes an HTTP/2 connection that stayed idle for the idle timeout. */
    static final class IdleCloser extends io.netty.channel.ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
                return;
            }
            ctx.fireUserEventTriggered(evt);
        }
    }
}
