package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.backend.BackendMappings;
import dev.gatehouse.proxy.server.AccessLogEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A TLS ClientHello whose SNI no HTTPS listener takes, over real loopback TLS: a proxy serving only a Gateway refuses
 * the handshake with the fatal alert unrecognized_name, as the engine says (no listener, no handshake) and logs why;
 * where Ingresses are served beside the Gateway, ingress-nginx's default certificate still answers an unknown name.
 */
@ExtendWith(NettyLeakWatch.class)
class GatewayUnknownSniTest {

    private static final String GATEWAY = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: eg}
            spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: infra}
            spec:
              gatewayClassName: eg
              listeners:
              - {name: https-a, port: 443, protocol: HTTPS, hostname: a.example.com, tls: {certificateRefs: [{name: a-tls}]}}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web, namespace: infra}
            spec:
              parentRefs: [{name: edge}]
              rules:
              - backendRefs: [{name: v1, port: 8080}]
            """;

    private static TestBackend backend;
    private static LocalProxy gatewayOnly;
    private static final ProxyFixture.AccessLog LOG = new ProxyFixture.AccessLog();
    private static GatewayProxyFixture.Pki pki;

    @BeforeAll
    static void start() throws Exception {
        pki = GatewayProxyFixture.pki();
        backend = TestBackend.http("v1");
        BackendMappings mappings = new BackendMappings();
        mappings.add("infra/v1:8080=" + backend.url());
        String yaml = GATEWAY + GatewayProxyFixture.tlsSecret("infra", "a-tls", pki.a)
                + GatewayProxyFixture.service("infra", "v1", 8080);
        var view = ProxyFixture.load(yaml);
        gatewayOnly = LocalProxy.builder(RuleSource.of("gateway only", () -> view), GatewayProxyFixture.CLOCK)
                .config(ProxyFixture.testConfig()).backends(new BackendDirectory(List.of(mappings))).start();
        gatewayOnly.addAccessLogListener(LOG);
    }

    @AfterAll
    static void stop() {
        gatewayOnly.close();
        backend.close();
    }

    private static ProxyProbe.Response get(LocalProxy proxy, String sni) throws IOException {
        InetSocketAddress to = proxy.httpsAddress();
        return ProxyProbe.send(new ProxyProbe.Request("GET", URI.create("https://" + sni + "/"), to,
                Optional.of(sni), List.of(), Optional.empty(), List.of(), Duration.ofSeconds(10)));
    }

    @Test
    void theListenersNameIsServedWithItsCertificate() throws IOException {
        ProxyProbe.Response r = get(gatewayOnly, "a.example.com");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.serverChain().get(0)).isEqualTo(pki.a.certificate());
    }

    @Test
    void aNameNoListenerTakesIsRefusedWithAnAlertAndTheLogSaysWhy() throws Exception {
        assertThatThrownBy(() -> get(gatewayOnly, "unknown.example.com"))
                .as("no default certificate: the handshake ends in a fatal alert")
                .hasStackTraceContaining("unrecognized_name")
                .satisfies(t -> assertThat(rootOrHandshake(t)).isInstanceOf(SSLHandshakeException.class));
        AccessLogEvent refused = LOG.next("");
        assertThat(refused.sni()).contains("unknown.example.com");
        assertThat(refused.line()).contains("TLS handshake refused: no HTTPS listener takes SNI unknown.example.com"
                + " on port 443").contains("no Ingress is served here");
        assertThat(refused.status()).isZero();
    }

    @Test
    void besideIngressesAnUnknownNameStillGetsTheDefaultCertificate() throws Exception {
        try (GatewayProxyFixture mixed = new GatewayProxyFixture(null)) {
            ProxyProbe.Response r = mixed.send("GET", "https://unknown.example.com/", 443, Optional.empty(), List.of());
            assertThat(r.serverChain().get(0)).as("ingress-nginx's default certificate, as before")
                    .isEqualTo(mixed.proxy.defaultCertificate().certificate());
        }
    }

    private static Throwable rootOrHandshake(Throwable t) {
        Throwable c = t;
        while (c != null && !(c instanceof SSLHandshakeException)) {
            c = c.getCause();
        }
        return c == null ? t : c;
    }
}
