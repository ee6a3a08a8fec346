package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.NettyLeakWatch;
import dev.gatehouse.tls.TestCerts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SniCompletionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client-side handlers one by one, in embedded channels. */
@ExtendWith(NettyLeakWatch.class)
class ClientSideHandlersTest {

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    @Test
    void theGateAdmitsUpToTheCapAndStartsReading() {
        ConnectionGate gate = new ConnectionGate(2);
        EmbeddedChannel first = new EmbeddedChannel(gate);
        EmbeddedChannel second = new EmbeddedChannel(gate);
        EmbeddedChannel third = new EmbeddedChannel(gate);
        assertThat(first.isOpen()).isTrue();
        assertThat(second.isOpen()).isTrue();
        assertThat(third.isOpen()).as("over the cap").isFalse();
        assertThat(gate.open()).isEqualTo(2);
        assertThat(ConnectionInfo.of(first).client()).isNotEmpty();
        first.close();
        EmbeddedChannel fourth = new EmbeddedChannel(gate);
        assertThat(fourth.isOpen()).as("a slot was freed").isTrue();
        assertThat(gate.rejected()).isEqualTo(1);
        for (EmbeddedChannel ch : new EmbeddedChannel[] {first, second, third, fourth}) {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void theSniNameIsTakenFromTheCompletionEventAndTheRecorderStaysUntilTheHandshake() {
        EmbeddedChannel ch = new EmbeddedChannel(new TlsSessionRecorder());
        ch.pipeline().fireUserEventTriggered(new SniCompletionEvent("shop.test"));
        assertThat(ConnectionInfo.of(ch).sni()).contains("shop.test");
        assertThat(ch.pipeline().get(TlsSessionRecorder.class)).isNotNull();
        ch.pipeline().fireUserEventTriggered(io.netty.handler.ssl.SslHandshakeCompletionEvent.SUCCESS);
        assertThat(ch.pipeline().get(TlsSessionRecorder.class)).as("removed after the handshake").isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void aSlowRequestGets408AndAnIdleConnectionIsClosedQuietly() {
        EmbeddedChannel slow = new EmbeddedChannel();
        slow.freezeTime();
        slow.pipeline().addLast(new SlowRequestGuard(Duration.ofSeconds(30), Duration.ofSeconds(5)),
                new HttpServerCodec());
        slow.writeInbound(ascii("GET / HTTP/1.1\r\nHost: a\r\n"));
        slow.advanceTimeBy(4, TimeUnit.SECONDS);
        slow.runScheduledPendingTasks();
        assertThat(slow.isOpen()).isTrue();
        slow.advanceTimeBy(2, TimeUnit.SECONDS);
        slow.runScheduledPendingTasks();
        ByteBuf written = slow.readOutbound();
        assertThat(written.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 408 Request Timeout");
        written.release();
        slow.runPendingTasks();
        assertThat(slow.isOpen()).isFalse();
        slow.finishAndReleaseAll();

        EmbeddedChannel idle = new EmbeddedChannel();
        idle.freezeTime();
        idle.pipeline().addLast(new SlowRequestGuard(Duration.ofSeconds(30), Duration.ofSeconds(5)),
                new HttpServerCodec());
        idle.advanceTimeBy(31, TimeUnit.SECONDS);
        idle.runScheduledPendingTasks();
        assertThat(idle.isOpen()).isFalse();
        assertThat((Object) idle.readOutbound()).as("nothing sent to an idle client").isNull();
        idle.finishAndReleaseAll();
    }

    @Test
    void noTimerRunsWhileARequestIsAnswered() {
        SlowRequestGuard guard = new SlowRequestGuard(Duration.ofSeconds(30), Duration.ofSeconds(5));
        EmbeddedChannel ch = answeringOneRequest(guard);
        ch.advanceTimeBy(120, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        guard.awaitNext();
        ch.advanceTimeBy(31, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void aNextRequestBegunWhileTheLastWasAnsweredMustArriveWithinTheRequestTimeout() {
        SlowRequestGuard guard = new SlowRequestGuard(Duration.ofSeconds(30), Duration.ofSeconds(5));
        EmbeddedChannel ch = answeringOneRequest(guard);
        ch.writeInbound(ascii("GET /next HTTP/1.1\r\nHost: a\r\n")); // read ahead, incomplete
        guard.awaitNext();
        ch.advanceTimeBy(6, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        ByteBuf written = ch.readOutbound();
        assertThat(written).as("408 after the request timeout, not the idle timeout").isNotNull();
        assertThat(written.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 408 Request Timeout");
        written.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void hstsIsAddedOnlyWhenTheExchangeAllowsIt() {
        EmbeddedChannel ch = new EmbeddedChannel(new HstsResponseOutboundHandler());
        Exchange exchange = new Exchange(TestCerts.NOW, ConnectionInfo.of(ch), "HTTP/1.1", "GET", "shop.test", "/", true);
        ch.attr(Exchange.KEY).set(exchange);
        ch.writeOutbound(response());
        FullHttpResponse plain = ch.readOutbound();
        assertThat(plain.headers().contains(HstsResponseOutboundHandler.HEADER)).isFalse();
        plain.release();
        exchange.explained(null, true);
        ch.writeOutbound(response());
        FullHttpResponse secured = ch.readOutbound();
        assertThat(secured.headers().get(HstsResponseOutboundHandler.HEADER)).isEqualTo(HstsResponseOutboundHandler.VALUE.toString());
        secured.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void anOversizedBodyBecomesAnEventInsteadOfARequest() {
        EmbeddedChannel ch = new EmbeddedChannel(new HttpServerCodec(), new BoundedRequestAggregator(16));
        java.util.List<Object> events = new java.util.ArrayList<>();
        ch.pipeline().addLast(new io.netty.channel.ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(io.netty.channel.ChannelHandlerContext ctx, Object evt) {
                events.add(evt);
            }
        });
        ch.writeInbound(ascii("POST /up HTTP/1.1\r\nHost: a.test\r\nContent-Length: 100\r\n\r\n"));
        assertThat(events).containsExactly(new OversizedRequest("POST", "/up", "a.test", 16));
        assertThat((Object) ch.readInbound()).isNull();
        ch.finishAndReleaseAll();
    }

    private static FullHttpResponse response() {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    }

    /** A connection (on a frozen clock) whose first request arrived and is being answered. */
    private static EmbeddedChannel answeringOneRequest(SlowRequestGuard guard) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(guard, new HttpServerCodec());
        ch.writeInbound(ascii("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        guard.requestReceived();
        return ch;
    }
}
