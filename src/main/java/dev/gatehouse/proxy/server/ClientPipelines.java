package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;

/** The HTTP/1 request handlers of a client connection, shared by the plain listener and HTTPS after ALPN. */
final class ClientPipelines {

    private ClientPipelines() {
    }

    /** Adds, in order: request timing, HTTP codec, body limit, response headers, request handling. */
    static void http1(ChannelPipeline pipeline, ProxyServices services) {
        var config = services.config();
        pipeline.addLast("request-deadline", new SlowRequestGuard(config.idleTimeout(), config.requestTimeout()))
                .addLast("http-codec", new HttpServerCodec(config.maxInitialLineBytes(), config.maxHeaderBytes(),
                        64 * 1024))
                .addLast("body-limit", new BoundedRequestAggregator(config.maxBodyBytes()))
                .addLast("response-headers", new HstsResponseOutboundHandler())
                .addLast("client-request", new ClientRequestInboundHandler(services));
    }
}
