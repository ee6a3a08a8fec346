package dev.gatehouse.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Client side, inbound, before the HTTP decoder: once {@link #cut() cut}, every further byte from the
 * client is dropped unread. Used when the connection refuses more pipelined requests: the answers to
 * the requests kept still go out, but nothing more is decoded (or queued in the codec) meanwhile.
 */
final class InputCutoff extends ChannelInboundHandlerAdapter {

    private boolean cut;

    void cut() {
        cut = true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (cut && msg instanceof ByteBuf) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
