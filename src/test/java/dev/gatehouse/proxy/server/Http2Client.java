package dev.gatehouse.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/2 client codec in an embedded channel, wired to an embedded server connection by copying the
 * bytes each way: sends one request per stream and collects the status and body it gets.
 */
final class Http2Client implements AutoCloseable {

    /** What came back on a stream: the status (0 = none) and the body, or the reset code. */
    record Response(int status, String body, long resetCode) {
    }

    private final EmbeddedChannel client = new EmbeddedChannel(Http2FrameCodecBuilder.forClient().build(),
            new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
    private final EmbeddedChannel server;

    Http2Client(EmbeddedChannel server) {
        this.server = server;
    }

    /** Every byte the client wrote, as one buffer (the caller releases it): a fuzzing seed. */
    ByteBuf bytesOf(Http2Headers request) {
        Http2StreamChannel stream = new Http2StreamChannelBootstrap(client).handler(new ChannelInboundHandlerAdapter())
                .open().syncUninterruptibly().getNow();
        stream.writeAndFlush(new DefaultHttp2HeadersFrame(request, true));
        client.runPendingTasks();
        ByteBuf all = client.alloc().buffer();
        ByteBuf b;
        while ((b = client.readOutbound()) != null) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    Response send(Http2Headers request) {
        Collector collector = new Collector();
        Http2StreamChannel stream = new Http2StreamChannelBootstrap(client).handler(collector).open()
                .syncUninterruptibly().getNow();
        stream.writeAndFlush(new DefaultHttp2HeadersFrame(request, true));
        for (int round = 0; round < 20 && !collector.done; round++) {
            shuttle(client, server);
            shuttle(server, client);
        }
        return new Response(collector.status, collector.body.toString(), collector.reset);
    }

    private static void shuttle(EmbeddedChannel from, EmbeddedChannel to) {
        from.runPendingTasks();
        ByteBuf b;
        while ((b = from.readOutbound()) != null) {
            to.writeInbound(b);
        }
        to.runPendingTasks();
    }

    @Override
    public void close() {
        client.finishAndReleaseAll();
    }

    private static final class Collector extends ChannelInboundHandlerAdapter {
        private int status;
        private final StringBuilder body = new StringBuilder();
        private long reset = -1;
        private boolean done;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Http2HeadersFrame headers) {
                if (headers.headers().status() != null) {
                    status = Integer.parseInt(headers.headers().status().toString());
                }
                done |= headers.isEndStream();
            } else if (msg instanceof Http2DataFrame data) {
                body.append(data.content().toString(StandardCharsets.UTF_8));
                done |= data.isEndStream();
                data.release();
            }
        }

        /** Netty hands a stream its RST_STREAM as an event, not as a read. */
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof Http2ResetFrame r) {
                reset = r.errorCode();
                done = true;
            }
            ctx.fireUserEventTriggered(evt);
        }
    }
}
