package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The request handlers of a client connection: HTTP/1 (plain listener, HTTPS without h2) and HTTP/2. */
final class ClientPipelines {

    private ClientPipelines() {
    }

    /**
     * Adds, in order: request timing, the input cut-off for refused pipelining, HTTP codec, body limit,
     * response headers, request handling.
     */
    static void http1(ChannelPipeline pipeline, ProxyServices services) {
        var config = services.config();
        pipeline.addLast("request-deadline", new SlowRequestGuard(config.idleTimeout(), config.requestTimeout()))
                .addLast("input-cutoff", new InputCutoff())
                .addLast("http-codec", codec(config))
                .addLast("body-limit", new BoundedRequestAggregator(config.maxBodyBytes()))
                .addLast("response-headers", new HstsResponseOutboundHandler())
                .addLast("client-request", new ClientRequestInboundHandler(services));
    }

    /** Adds the HTTP/2 connection handlers: frame codec, one child channel per stream, idle close. */
    static void http2(ChannelPipeline pipeline, ProxyServices services) {
        var config = services.config();
        pipeline.addLast("h2-codec", Http2FrameCodecBuilder.forServer()
                        .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(128)
                                .maxHeaderListSize(config.maxHeaderBytes()))
                        .build())
                .addLast("h2-streams", new Http2MultiplexHandler(new Http2StreamInitializer(services)))
                .addLast("h2-idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast("h2-idle-close", new AlpnProtocolConfigurer.IdleCloser())
                .addLast("h2-errors", new ConnectionErrors());
    }

    /**
     * The end of an HTTP/2 connection's pipeline: the frame codec has answered a protocol error with GOAWAY
     * and passes it on; without this handler it reached the pipeline's tail (a warning with a stack trace for
     * every malformed connection, found by ProxyRequestFuzzTest#http2).
     */
    static final class ConnectionErrors extends io.netty.channel.ChannelInboundHandlerAdapter {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConnectionErrors.class);

        @Override
        public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof io.netty.handler.codec.http2.Http2Exception || cause instanceof java.io.IOException) {
                LOG.debug("HTTP/2 connection {} ended: {}", ctx.channel().remoteAddress(), cause.toString());
            } else {
                LOG.warn("HTTP/2 connection {} failed", ctx.channel().remoteAddress(), cause);
            }
            ctx.close();
        }
    }

    /**
     * The HTTP/1 server codec with the proxy's line and header limits. Its own bound on requests decoded
     * but not yet answered (Netty's {@code maxPipelineDepth}, 128 by default, closes the connection with
     * no answer at all) is lifted: {@link PipelinedRequests} bounds them and answers the excess with 429,
     * and {@link InputCutoff} stops reading once it does.
     */
    static HttpServerCodec codec(ProxyConfig config) {
        HttpDecoderConfig decoder = new HttpDecoderConfig().setMaxInitialLineLength(config.maxInitialLineBytes())
                .setMaxHeaderSize(config.maxHeaderBytes()).setMaxChunkSize(64 * 1024);
        return new HttpServerCodec(decoder, Integer.MAX_VALUE);
    }
}
