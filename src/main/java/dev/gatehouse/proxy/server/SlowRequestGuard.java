package dev.gatehouse.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;

/**
 * Client side, inbound, before the HTTP decoder: times each request on an HTTP/1 connection. While the
 * connection waits for a request, it is closed after the idle timeout; once the first byte of a
 * request arrives, the whole request must arrive within the request timeout, else the client gets
 * 408 and the connection closes (slowloris protection, nginx's {@code client_header_timeout}). No timer
 * runs while a request is being answered.
 */
final class SlowRequestGuard extends ChannelInboundHandlerAdapter {

    private enum State { WAITING, RECEIVING, ANSWERING }

    private final long idleNanos;
    private final long requestNanos;
    private State state = State.WAITING;
    private boolean nextStarted;
    private Deadline deadline;
    private ChannelHandlerContext ctx;

    SlowRequestGuard(Duration idleTimeout, Duration requestTimeout) {
        this.idleNanos = idleTimeout.toNanos();
        this.requestNanos = requestTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.deadline = new Deadline(ctx.executor(), this::expired);
        if (ctx.channel().isActive()) {
            arm(State.WAITING, idleNanos);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(State.WAITING, idleNanos);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf && buf.isReadable()) {
            if (state == State.WAITING) {
                arm(State.RECEIVING, requestNanos);
            } else if (state == State.ANSWERING) {
                nextStarted = true; // read ahead while answering: the next request has begun
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** A whole request arrived: no timer while it is answered. */
    void requestReceived() {
        deadline.disarm();
        state = State.ANSWERING;
        nextStarted = false;
    }

    /** The response went out and the connection stays open: wait for the next request. */
    void awaitNext() {
        if (nextStarted) {
            nextStarted = false;
            arm(State.RECEIVING, requestNanos);
        } else {
            arm(State.WAITING, idleNanos);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        deadline.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        deadline.close();
    }

    private void arm(State next, long nanos) {
        state = next;
        deadline.arm(nanos);
    }

    private void expired() {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (state == State.RECEIVING) {
            FullHttpResponse timeout = ErrorPages.page(ctx.alloc(), HttpResponseStatus.REQUEST_TIMEOUT,
                    "The request did not arrive completely within " + Duration.ofNanos(requestNanos).toSeconds()
                            + " s, so the proxy closed the connection.");
            timeout.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            state = State.ANSWERING;
            ctx.pipeline().writeAndFlush(timeout).addListener(ChannelFutureListener.CLOSE);
        } else if (state == State.WAITING) {
            ctx.close();
        }
    }
}
