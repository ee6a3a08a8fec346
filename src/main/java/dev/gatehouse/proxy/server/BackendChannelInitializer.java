package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.backend.BackendTarget;
import dev.gatehouse.proxy.route.UpstreamTls;
import dev.gatehouse.proxy.route.UpstreamTlsContexts;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Backend side: the pipeline of a connection to a backend. */
final class BackendChannelInitializer extends ChannelInitializer<SocketChannel> {

    /**
     * Response heads up to 64 KiB. Header names and values are not validated token by token: lines are
     * still split strictly (no CR/LF can reach the client), and the backend is the operator's own
     * service, as it is for the controller; the client's requests are validated.
     */
    private static final HttpDecoderConfig RESPONSES = new HttpDecoderConfig().setMaxInitialLineLength(8192)
            .setMaxHeaderSize(64 * 1024).setMaxChunkSize(64 * 1024)
            .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
            .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false));

    private final ProxyConfig config;
    private final UpstreamTlsContexts tlsContexts;
    private final UpstreamTls tls;
    private final BackendTarget target;

    BackendChannelInitializer(ProxyConfig config, UpstreamTlsContexts tlsContexts, UpstreamTls tls,
                              BackendTarget target) {
        this.config = config;
        this.tlsContexts = tlsContexts;
        this.tls = tls;
        this.target = target;
    }

    @Override
    protected void initChannel(SocketChannel ch) throws Exception {
        if (tls.enabled()) {
            ch.pipeline().addLast("backend-tls", tlsContexts.newHandler(tls, ch.alloc(), target.host(), target.port(),
                    config.upstreamConnectTimeout()));
        }
        ch.pipeline()
                .addLast("backend-http-codec", new HttpClientCodec(RESPONSES, false, false))
                // Reader idleness only: a pooled connection reads nothing while it waits, and the handler
                // then needs no listener on every request written (events during an exchange are ignored).
                .addLast("backend-idle", new IdleStateHandler(config.upstreamIdleTimeout().toMillis(), 0, 0,
                        TimeUnit.MILLISECONDS))
                .addLast("backend-response", new BackendResponseInboundHandler());
    }
}
