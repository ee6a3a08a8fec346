package dev.gatehouse.proxy.server;

import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;

/** One HTTP/2 stream: the Host checked against :authority, frames become HTTP objects, then the same handlers as HTTP/1 (minus timing). */
final class Http2StreamInitializer extends ChannelInitializer<Http2StreamChannel> {

    private final ProxyServices services;

    Http2StreamInitializer(ProxyServices services) {
        this.services = services;
    }

    @Override
    protected void initChannel(Http2StreamChannel ch) {
        ch.pipeline()
                .addLast("h2-authority", new Http2AuthorityCheck())
                .addLast("h2-to-http", new Http2StreamFrameToHttpObjectCodec(true, false))
                .addLast("body-limit", new BoundedRequestAggregator(services.config().maxBodyBytes()))
                .addLast("response-headers", new HstsResponseOutboundHandler())
                .addLast("client-request", new ClientRequestInboundHandler(services));
    }
}
