package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.route.TlsProvider;
import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.route.ServerTlsContexts;
import dev.gatehouse.proxy.route.UpstreamTlsContexts;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.CertificateBuilder;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;

/**
 * The proxy's client-side pipelines in embedded channels, over fixed rules and no reachable backend: for
 * tests that feed raw bytes (HTTP/1, HTTP/2 frames) and read what a client would get back.
 */
final class EmbeddedProxy {

    /** shop.test: TLS (redirect on plain HTTP), Exact /exact → shop/web:80 (no backend reachable). */
    static final String RULES = """
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

    private final ProxyServices services;

    EmbeddedProxy(AccessLogSink log) throws javax.net.ssl.SSLException {
        LoadResult loaded = new YamlClusterLoader().parse(RULES, "rules.yaml");
        var view = InMemoryClusterView.of(((LoadResult.Loaded) loaded).objects());
        var fake = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=fake").selfSigned().build();
        RoutingEngine engine = new RoutingEngine(view, ControllerProfile.ingressNginx(), TestCerts.CLOCK,
                TrustAnchors.none());
        RouteTable table = RouteTable.build(engine.snapshot(), new ServerTlsContexts(TlsProvider.detect(), fake),
                "test", TestCerts.CLOCK);
        ProxyConfig config = ProxyConfig.defaults();
        UpstreamTlsContexts upstream = new UpstreamTlsContexts(TlsProvider.detect());
        services = new ProxyServices(config, () -> table, new BackendDirectory(List.of()),
                new UpstreamPool(config, upstream, Transport.NIO), upstream, log, () -> 8443);
    }

    /** A plain-HTTP/1 connection with the listener's handlers (no timing guard: no timers in embedded tests). */
    EmbeddedChannel http1() {
        var config = services.config();
        return new EmbeddedChannel(new InputCutoff(), ClientPipelines.codec(config),
                new BoundedRequestAggregator(config.maxBodyBytes()), new HstsResponseOutboundHandler(),
                new ClientRequestInboundHandler(services));
    }

    /** An HTTP/2 connection (after ALPN) with the handlers the HTTPS listener installs. */
    EmbeddedChannel http2() {
        // a server's connection has a server channel as parent; without one, Http2MultiplexHandler takes the
        // connection for a client's and refuses stream 1 as an unconfigured h2c upgrade (a fuzz "finding" the
        // real proxy cannot have: found by ProxyRequestFuzzTest#http2, seed crash-7a179f4a…)
        EmbeddedChannel ch = new EmbeddedChannel(new io.netty.channel.local.LocalServerChannel(),
                io.netty.channel.DefaultChannelId.newInstance(), true, false);
        ConnectionInfo.attach(ch, true);
        ClientPipelines.http2(ch.pipeline(), services);
        return ch;
    }
}
