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
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The request handler's own answers (no backend involved), in an embedded channel. */
@ExtendWith(NettyLeakWatch.class)
class ClientRequestInboundHandlerTest {

    private static final String RULES = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: shop}
            spec:
              ingressClassName: nginx
              tls: [{hosts: [shop.test], secretName: missing-tls}]
              rules:
                - host: shop.test
                  http:
                    paths:
                      - {path: /exact, pathType: Exact, backend: {service: {name: web, port: {number: 80}}}}
            """;

    private static RouteTable table;
    private final List<AccessLogEvent> log = new ArrayList<>();

    @BeforeAll
    static void rules() throws Exception {
        LoadResult loaded = new YamlClusterLoader().parse(RULES, "rules.yaml");
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
        return new EmbeddedChannel(new HttpServerCodec(), new BoundedRequestAggregator(1024),
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
}
