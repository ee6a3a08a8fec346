package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.NettyLeakWatch;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The backend-side handlers and the upstream request, in embedded channels. */
@ExtendWith(NettyLeakWatch.class)
class BackendSideHandlersTest {

    @Test
    void anIdlePooledConnectionClosesOnUnexpectedDataAndOnTheIdleTimeout() {
        EmbeddedChannel unexpected = new EmbeddedChannel(new BackendResponseInboundHandler());
        unexpected.writeInbound(Unpooled.copiedBuffer("junk", StandardCharsets.US_ASCII));
        assertThat(unexpected.isOpen()).isFalse();
        unexpected.finishAndReleaseAll();

        EmbeddedChannel idle = new EmbeddedChannel(new BackendResponseInboundHandler());
        idle.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertThat(idle.isOpen()).isFalse();
        idle.finishAndReleaseAll();
    }

    @Test
    void theTunnelRelaysBytesBothWaysAndClosesThePeer() {
        EmbeddedChannel client = new EmbeddedChannel();
        EmbeddedChannel backend = new EmbeddedChannel();
        client.pipeline().addLast(new TunnelRelayHandler(backend));
        backend.pipeline().addLast(new TunnelRelayHandler(client));
        client.writeInbound(Unpooled.copiedBuffer("ping", StandardCharsets.US_ASCII));
        ByteBuf toBackend = backend.readOutbound();
        assertThat(toBackend.toString(StandardCharsets.US_ASCII)).isEqualTo("ping");
        toBackend.release();
        backend.writeInbound(Unpooled.copiedBuffer("pong", StandardCharsets.US_ASCII));
        ByteBuf toClient = client.readOutbound();
        assertThat(toClient.toString(StandardCharsets.US_ASCII)).isEqualTo("pong");
        toClient.release();
        backend.close();
        client.runPendingTasks();
        assertThat(client.isOpen()).as("peer closed after its last writes").isFalse();
        client.finishAndReleaseAll();
        backend.finishAndReleaseAll();
    }

    @Test
    void theUpstreamRequestCarriesIngressNginxForwardingHeadersAndNoHopByHopOnes() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ConnectionInfo info = ConnectionInfo.of(ch);
        FullHttpRequest client = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/app/x?y=1",
                Unpooled.copiedBuffer("body", StandardCharsets.US_ASCII));
        client.headers().set("Host", "shop.test:8443").set("Connection", "keep-alive, X-Secret")
                .set("X-Secret", "hop").set("Keep-Alive", "timeout=5").set("X-Forwarded-For", "6.6.6.6")
                .set("Transfer-Encoding", "chunked");
        FullHttpRequest upstream = UpstreamRequests.build(client, "/x?y=1", info, "https", false);
        assertThat(upstream.uri()).isEqualTo("/x?y=1");
        assertThat(upstream.headers().get("Host")).isEqualTo("shop.test:8443");
        assertThat(upstream.headers().contains("X-Secret")).isFalse();
        assertThat(upstream.headers().contains("Keep-Alive")).isFalse();
        assertThat(upstream.headers().contains("Transfer-Encoding")).isFalse();
        assertThat(upstream.headers().get("Content-Length")).isEqualTo("4");
        assertThat(upstream.headers().get("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(upstream.headers().get("X-Forwarded-Host")).isEqualTo("shop.test:8443");
        assertThat(upstream.headers().get("X-Original-Forwarded-For")).isEqualTo("6.6.6.6");
        assertThat(upstream.headers().get("X-Original-URI")).isEqualTo("/app/x?y=1");
        assertThat(upstream.content().toString(StandardCharsets.US_ASCII)).isEqualTo("body");
        upstream.release();
        client.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void theClientsRequestIdIsKeptAndItsForwardingHeadersAreReplaced() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ConnectionInfo info = ConnectionInfo.of(ch);
        FullHttpRequest client = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        client.headers().set("Host", "shop.test").set("x-request-id", "abc").set("X-Real-IP", "6.6.6.6")
                .set("X-Forwarded-Proto", "gopher").set("x-http2-stream-id", "3").add("Accept", "a/b")
                .add("Accept", "c/d");
        FullHttpRequest upstream = UpstreamRequests.build(client, "/", info, "http", false);
        assertThat(upstream.headers().getAll("X-Request-ID")).containsExactly("abc");
        assertThat(upstream.headers().getAll("X-Real-IP")).containsExactly(info.clientAddress());
        assertThat(upstream.headers().getAll("X-Forwarded-Proto")).containsExactly("http");
        assertThat(upstream.headers().contains("x-http2-stream-id")).isFalse();
        assertThat(upstream.headers().contains("X-Original-Forwarded-For")).isFalse();
        assertThat(upstream.headers().contains("Content-Length")).as("no body, none sent").isFalse();
        assertThat(upstream.headers().getAll("Accept")).containsExactly("a/b", "c/d");

        FullHttpRequest anonymous = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        anonymous.headers().set("Host", "shop.test");
        FullHttpRequest generated = UpstreamRequests.build(anonymous, "/", info, "http", false);
        assertThat(generated.headers().get("X-Request-ID")).matches("[0-9a-f]{32}");
        upstream.release();
        client.release();
        generated.release();
        anonymous.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void http2HeadersThatCouldSmuggleARequestAreRefused() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ConnectionInfo info = ConnectionInfo.of(ch);
        var unchecked = io.netty.handler.codec.http.DefaultHttpHeadersFactory.headersFactory().withValidation(false);
        FullHttpRequest smuggling = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/",
                Unpooled.EMPTY_BUFFER, unchecked, unchecked);
        smuggling.headers().add("host", "shop.test").add("x-a", "a\r\nX-Injected: 1");
        RequestProbe.Result refused = RequestProbe.checkedHeaders(smuggling, info, null);
        assertThat(refused.probe()).isEmpty();
        assertThat(refused.problem()).isEqualTo("the header \"x-a\" is not valid in HTTP");

        FullHttpRequest fine = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/",
                Unpooled.EMPTY_BUFFER, unchecked, unchecked);
        fine.headers().add("host", "shop.test").add("x-http2-stream-id", "3").add("accept", "*/*");
        assertThat(RequestProbe.checkedHeaders(fine, info, null).probe()).isPresent();
        ch.finishAndReleaseAll();
    }

    @Test
    void redirectsNameTheProxysHttpsPort() {
        assertThat(ProxyAnswers.redirectLocation("https://shop.test/a?b", "shop.test", 8443))
                .isEqualTo("https://shop.test:8443/a?b");
        assertThat(ProxyAnswers.redirectLocation("https://shop.test/a", "shop.test", 443))
                .isEqualTo("https://shop.test/a");
    }

    @Test
    void hostHeadersAreParsedWithoutPortAndRejectedWhenMalformed() {
        assertThat(RequestProbe.hostOnly("Shop.Test:8443")).contains("shop.test");
        assertThat(RequestProbe.hostOnly("[::1]:80")).contains("::1");
        assertThat(RequestProbe.hostOnly("a b")).isEmpty();
        assertThat(RequestProbe.hostOnly("x:port")).isEmpty();
    }
}
