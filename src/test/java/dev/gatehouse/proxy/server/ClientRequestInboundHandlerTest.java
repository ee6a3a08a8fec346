package dev.gatehouse.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.NettyLeakWatch;
import dev.gatehouse.proxy.route.TlsProvider;
import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.route.ServerTlsContexts;
import dev.gatehouse.proxy.route.UpstreamTlsContexts;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.build.CertificateBuilder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The request handler's own answers (no backend involved), in an embedded channel. */
@ExtendWith(NettyLeakWatch.class)
class ClientRequestInboundHandlerTest {

    private static RouteTable table;
    private final List<AccessLogEvent> log = new ArrayList<>();

    @BeforeAll
    static void rules() throws Exception {
        LoadResult loaded = new YamlClusterLoader().parse(EmbeddedProxy.RULES, "rules.yaml");
        var view = InMemoryClusterView.of(((LoadResult.Loaded) loaded).objects());
        var fake = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=fake").selfSigned().build();
        RoutingEngine engine = new RoutingEngine(view, ControllerProfile.ingressNginx(), TestCerts.CLOCK,
                TrustAnchors.none());
        table = RouteTable.build(engine.snapshot(), new ServerTlsContexts(TlsProvider.detect(), fake), "test",
                TestCerts.CLOCK);
    }

    private EmbeddedChannel channel() {
        return channel(log::add);
    }

    private EmbeddedChannel channel(AccessLogSink sink) {
        ProxyConfig config = ProxyConfig.defaults();
        UpstreamTlsContexts upstream = new UpstreamTlsContexts(TlsProvider.detect());
        ProxyServices services = new ProxyServices(config, () -> table, new BackendDirectory(List.of()),
                new UpstreamPool(config, upstream, Transport.NIO), upstream, sink, () -> 8443);
        return new EmbeddedChannel(new InputCutoff(), ClientPipelines.codec(config), new BoundedRequestAggregator(1024),
                new HstsResponseOutboundHandler(), new ClientRequestInboundHandler(services));
    }

    private static String answer(EmbeddedChannel ch, String request) {
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            out.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return out.toString();
    }

    @Test
    void plainHttpToATlsHostIsRedirectedToTheProxysHttpsPort() throws Exception {
        EmbeddedChannel ch = channel();
        String response = answer(ch, "GET /exact?x=1 HTTP/1.1\r\nHost: shop.test\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 308").contains("location: https://shop.test:8443/exact?x=1");
        assertThat(ch.isOpen()).as("keep-alive").isTrue();
        assertThat(log).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(308);
            assertThat(e.ingress()).contains("shop/web");
            assertThat(e.time()).as("the proxy's clock").isEqualTo(TestCerts.NOW);
        });
        ch.finishAndReleaseAll();
    }

    @Test
    void withNobodyListeningNoAccessLogEventIsBuiltAndRequestsAreStillAnswered() throws Exception {
        EmbeddedChannel ch = channel(new AccessLogSink() {
            @Override
            public void accept(AccessLogEvent event) {
                throw new AssertionError("no event expected: nobody listens");
            }

            @Override
            public boolean wanted() {
                return false;
            }
        });
        assertThat(answer(ch, "GET /a HTTP/1.1\r\nHost: other.test\r\n\r\n")).startsWith("HTTP/1.1 404");
        assertThat(answer(ch, "GET /b HTTP/1.1\r\nHost: other.test\r\n\r\n")).as("kept alive")
                .startsWith("HTTP/1.1 404");
        ch.finishAndReleaseAll();
    }

    @Test
    void anUnknownHostGets404NamingThatNoRuleMatched() throws Exception {
        EmbeddedChannel ch = channel();
        String response = answer(ch, "GET /a HTTP/1.1\r\nHost: other.test\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 404").contains("No Ingress rule matches other.test/a");
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void malformedRequestsGet400And431() throws Exception {
        EmbeddedChannel bad = channel();
        assertThat(answer(bad, "GET / HTTP/1.1\r\nHost: shop.test\r\nBroken header\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(bad.isOpen()).isFalse();
        bad.finishAndReleaseAll();
        EmbeddedChannel big = channel();
        assertThat(answer(big, "GET / HTTP/1.1\r\nHost: shop.test\r\nX: " + "a".repeat(40_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431");
        big.finishAndReleaseAll();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        EmbeddedChannel ch = channel();
        String response = answer(ch, "GET /one HTTP/1.1\r\nHost: a.test\r\n\r\nGET /two HTTP/1.1\r\nHost: b.test\r\n\r\n");
        ch.runPendingTasks();
        ByteBuf rest;
        StringBuilder all = new StringBuilder(response);
        while ((rest = ch.readOutbound()) != null) {
            all.append(rest.toString(StandardCharsets.UTF_8));
            rest.release();
        }
        assertThat(all.toString()).contains("a.test/one").contains("b.test/two");
        assertThat(all.indexOf("a.test/one")).isLessThan(all.indexOf("b.test/two"));
        ch.finishAndReleaseAll();
    }

    /**
     * Holds every write until {@link #release}: a client whose socket does not take the response at once
     * (as over a real network), so requests arriving meanwhile queue up as pipelined ones do.
     */
    private static final class SlowClientSocket extends ChannelOutboundHandlerAdapter {
        private final List<Object[]> held = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            held.add(new Object[] {ctx, msg, promise});
        }

        boolean release() {
            if (held.isEmpty()) {
                return false;
            }
            List<Object[]> now = new ArrayList<>(held);
            held.clear();
            for (Object[] w : now) {
                ((ChannelHandlerContext) w[0]).writeAndFlush(w[1], (ChannelPromise) w[2]);
            }
            return true;
        }
    }

    /** A channel whose client takes each response only when the test lets it. */
    private EmbeddedChannel slowClientChannel(SlowClientSocket socket) {
        EmbeddedChannel ch = channel();
        ch.pipeline().addFirst(socket);
        return ch;
    }

    /** Writes the requests, then lets the responses out one batch at a time until nothing more comes. */
    private static String answerAll(EmbeddedChannel ch, SlowClientSocket socket, String requests) {
        StringBuilder all = new StringBuilder(answer(ch, requests));
        boolean more = true;
        while (more) {
            more = socket.release();
            ch.runPendingTasks();
            ByteBuf out;
            while ((out = ch.readOutbound()) != null) {
                all.append(out.toString(StandardCharsets.UTF_8));
                out.release();
                more = true;
            }
        }
        return all.toString();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void twoHostHeadersGet400AndTheConnectionCloses() throws Exception {
        EmbeddedChannel ch = channel();
        String response = answer(ch, "GET /exact HTTP/1.1\r\nHost: shop.test\r\nHost: evil.test\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("2 Host headers; exactly one is allowed");
        assertThat(ch.isOpen()).isFalse();
        assertThat(log).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(400));
        ch.finishAndReleaseAll();
    }

    @Test
    void anAbsoluteTargetNamingAnotherHostThanTheHostHeaderGets400() throws Exception {
        EmbeddedChannel conflict = channel();
        assertThat(answer(conflict, "GET http://shop.test/exact HTTP/1.1\r\nHost: evil.test\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("the Host header &quot;evil.test&quot; names another host than"
                        + " the request target http://shop.test/exact");
        conflict.finishAndReleaseAll();
        EmbeddedChannel same = channel();
        assertThat(answer(same, "GET http://Shop.Test:80/exact HTTP/1.1\r\nHost: shop.test\r\n\r\n"))
                .as("the same host after normalisation (case, default port)").startsWith("HTTP/1.1 308")
                .contains("location: https://shop.test:8443/exact");
        same.finishAndReleaseAll();
    }

    @Test
    void aPathAboveTheRootOrWithABrokenEscapeGets400() throws Exception {
        EmbeddedChannel up = channel();
        assertThat(answer(up, "GET /a/../../etc/passwd HTTP/1.1\r\nHost: shop.test\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("the path &quot;/a/../../etc/passwd&quot; goes above the root");
        up.finishAndReleaseAll();
        EmbeddedChannel encoded = channel();
        assertThat(answer(encoded, "GET /%2e%2e/x HTTP/1.1\r\nHost: shop.test\r\n\r\n")).startsWith("HTTP/1.1 400");
        encoded.finishAndReleaseAll();
        EmbeddedChannel nul = channel();
        assertThat(answer(nul, "GET /a%00 HTTP/1.1\r\nHost: shop.test\r\n\r\n")).startsWith("HTTP/1.1 400")
                .contains("encoded NUL byte");
        nul.finishAndReleaseAll();
    }

    @Test
    void theNormalisedPathIsMatchedAndTheRedirectKeepsTheTargetAsSent() throws Exception {
        EmbeddedChannel ch = channel();
        String response = answer(ch, "GET /x/..//%65xact?q=1 HTTP/1.1\r\nHost: shop.test\r\n\r\n");
        assertThat(response).as("matched as /exact: the TLS host's redirect, not a 404").startsWith("HTTP/1.1 308")
                .contains("location: https://shop.test:8443/x/..//%65xact?q=1");
        ch.finishAndReleaseAll();
    }

    @Test
    void aHundredPipelinedRequestsInOneWriteAreAllAnsweredInOrder() throws Exception {
        SlowClientSocket socket = new SlowClientSocket();
        EmbeddedChannel ch = slowClientChannel(socket);
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            burst.append("GET /r").append(i).append(" HTTP/1.1\r\nHost: other.test\r\n\r\n");
        }
        String all = answerAll(ch, socket, burst.toString());
        assertThat(count(all, "HTTP/1.1 404")).isEqualTo(100);
        int last = -1;
        for (int i = 0; i < 100; i++) {
            int at = all.indexOf("other.test/r" + i + ".");
            assertThat(at).as("answer to /r" + i + " after the one before").isGreaterThan(last);
            last = at;
        }
        assertThat(ch.isOpen()).as("kept alive").isTrue();
        assertThat(log).hasSize(100);
        ch.finishAndReleaseAll();
    }

    @Test
    void pipelinedRequestsBeyondTheBoundGet429AfterTheAnswersToThoseBefore() throws Exception {
        SlowClientSocket socket = new SlowClientSocket();
        EmbeddedChannel ch = slowClientChannel(socket);
        int kept = PipelinedRequests.MAX_WAITING + 1;
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < kept + 50; i++) {
            burst.append("GET /r").append(i).append(" HTTP/1.1\r\nHost: other.test\r\n\r\n");
        }
        String all = answerAll(ch, socket, burst.toString());
        assertThat(count(all, "HTTP/1.1 404")).isEqualTo(kept);
        assertThat(count(all, "HTTP/1.1 429")).isEqualTo(1);
        String refusal = all.substring(all.indexOf("HTTP/1.1 429"));
        assertThat(all.lastIndexOf("HTTP/1.1 404")).as("the 429 comes last").isLessThan(all.indexOf("HTTP/1.1 429"));
        assertThat(refusal).contains("connection: close").contains("HTTP pipelining")
                .contains("send them again on a new connection");
        assertThat(ch.isOpen()).isFalse();
        assertThat(log).hasSize(kept + 1).last().satisfies(e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.path()).isEqualTo("/r" + kept);
        });
        ch.finishAndReleaseAll();
    }
}
