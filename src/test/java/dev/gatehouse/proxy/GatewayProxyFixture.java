package dev.gatehouse.proxy;

import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.backend.BackendMappings;
import dev.gatehouse.proxy.route.WeightDraw;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A proxy on ephemeral loopback ports serving {@code /gateway/proxy.yaml} (Gateway {@code infra/edge} and its
 * routes, a Gateway of another class) and one Ingress ({@code ingress.test}, TLS) side by side, with Netty test
 * backends: v1, v2, v3 (HTTP), secure (HTTPS with a {@code backend.test} certificate, for the BackendTLSPolicy),
 * tls-backend (HTTPS with the {@code pass.example.com} certificate, behind the TLSRoute) and ingress. Weighted
 * rules draw 0, 1, 2, … in turn. Certificates are valid from a day ago for three years by the real clock, so the
 * suite's second run with the app clock two years ahead still accepts them.
 */
final class GatewayProxyFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.systemUTC();

    /** Generated once per JVM. */
    static final class Pki {
        final CertificateBundle root = builder().subject("CN=Gateway Proxy Test Root CA").ca(true).build();
        final CertificateBundle a = leaf("a.example.com");
        final CertificateBundle b = leaf("b.example.com");
        final CertificateBundle granted = leaf("granted.example.com");
        final CertificateBundle denied = leaf("denied.example.com");
        final CertificateBundle pass = leaf("pass.example.com");
        final CertificateBundle backend = leaf("backend.test");
        final CertificateBundle ingress = leaf("ingress.test");

        private CertificateBundle leaf(String name) {
            return builder().sans(name).serverAuth().issuedBy(root).build();
        }

        private static CertificateBuilder builder() {
            Instant now = CLOCK.instant();
            return CertificateBuilder.create(CLOCK).notBefore(now.minus(Duration.ofDays(1)))
                    .notAfter(now.plus(Duration.ofDays(3 * 365)));
        }
    }

    private static final AtomicReference<Pki> PKI = new AtomicReference<>();

    static Pki pki() {
        Pki p = PKI.get();
        if (p == null) {
            PKI.compareAndSet(null, new Pki());
            p = PKI.get();
        }
        return p;
    }

    final Pki pki = pki();
    final List<TestBackend> backends = new ArrayList<>();
    final BackendMappings mappings = new BackendMappings();
    final AtomicLong draws = new AtomicLong();
    final LocalProxy proxy;
    final ProxyFixture.AccessLog log = new ProxyFixture.AccessLog();

    GatewayProxyFixture(String gatewayClass) throws Exception {
        for (String name : List.of("v1", "v2", "v3")) {
            TestBackend b = backend(TestBackend.http(name));
            mappings.add("infra/" + name + ":8080=" + b.url());
        }
        mappings.add("other/v1:8080=" + backends.get(0).url());
        TestBackend secure = backend(TestBackend.https("secure", pki.backend));
        mappings.add("infra/secure:8443=http://127.0.0.1:" + secure.port());
        TestBackend pass = backend(TestBackend.https("tls-backend", pki.pass));
        mappings.add("infra/tls-backend:443=http://127.0.0.1:" + pass.port());
        TestBackend ingress = backend(TestBackend.http("ingress"));
        mappings.add("shop/web:80=" + ingress.url());
        ClusterView view = ProxyFixture.load(yaml());
        WeightDraw draw = total -> draws.getAndIncrement() % total;
        proxy = LocalProxy.builder(RuleSource.of("gateway test rules", () -> view), CLOCK)
                .config(ProxyFixture.testConfig()).backends(new BackendDirectory(List.of(mappings)))
                .gatewayClass(gatewayClass).weightDraw(draw).start();
        proxy.addAccessLogListener(log);
    }

    private TestBackend backend(TestBackend b) {
        backends.add(b);
        return b;
    }

    String yaml() {
        StringBuilder y = new StringBuilder(resource("/gateway/proxy.yaml"));
        y.append(tlsSecret("infra", "a-tls", pki.a)).append(tlsSecret("infra", "b-tls", pki.b))
                .append(tlsSecret("certs", "shared-tls", pki.granted)).append(tlsSecret("other", "other-tls", pki.denied))
                .append(tlsSecret("shop", "ingress-tls", pki.ingress));
        y.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: secure-ca, namespace: infra}\ndata:\n  ca.crt: |\n")
                .append(indent(pki.root.certificatePem()));
        for (String name : List.of("v1", "v2", "v3")) {
            y.append(service("infra", name, 8080));
        }
        y.append(service("other", "v1", 8080)).append(service("infra", "secure", 8443))
                .append(service("infra", "tls-backend", 443)).append(service("shop", "web", 80));
        y.append(ProxyFixture.ingress("ingress", "ingress.test", "ingress-tls", "", ProxyFixture.path("/", "web", 80)));
        return y.toString();
    }

    static String resource(String name) {
        try (var in = GatewayProxyFixture.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String service(String namespace, String name, int port) {
        return """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s, namespace: %2$s}
                spec:
                  ports:
                  - {name: http, port: %3$d, targetPort: 8080}
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: %1$s-abc
                  namespace: %2$s
                  labels: {kubernetes.io/service-name: %1$s}
                addressType: IPv4
                ports: [{name: http, port: 8080}]
                endpoints:
                - addresses: ["10.0.0.1"]
                  conditions: {ready: true}
                """.formatted(name, namespace, port);
    }

    static String tlsSecret(String namespace, String name, CertificateBundle bundle) {
        return "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "\n  namespace: " + namespace + "\n"
                + "type: kubernetes.io/tls\nstringData:\n  tls.crt: |\n" + indent(bundle.chainPem())
                + "  tls.key: |\n" + indent(bundle.privateKeyPem());
    }

    private static String indent(String pem) {
        StringBuilder b = new StringBuilder();
        pem.lines().forEach(l -> b.append("    ").append(l).append('\n'));
        return b.toString();
    }

    InetSocketAddress listener(int listenerPort) {
        int local = proxy.localPortFor(listenerPort).orElseThrow();
        return new InetSocketAddress(proxy.httpsAddress().getAddress(), local);
    }

    /** A request to a Gateway listener port; for https the SNI is the URL's host unless given. */
    ProxyProbe.Response send(String method, String url, int listenerPort, Optional<String> sni,
                             List<Map.Entry<String, String>> headers) throws IOException {
        URI uri = URI.create(url);
        Optional<String> name = uri.getScheme().equals("https") ? sni.or(() -> Optional.of(uri.getHost())) : Optional.empty();
        return ProxyProbe.send(new ProxyProbe.Request(method, uri, listener(listenerPort), name, headers,
                Optional.empty(), List.of(), Duration.ofSeconds(10)));
    }

    ProxyProbe.Response get(String url) throws IOException {
        return send("GET", url, url.startsWith("https") ? 443 : 80, Optional.empty(), List.of());
    }

    Path rootCaFile(Path dir) throws IOException {
        Path file = dir.resolve("gateway-root-ca.pem");
        Files.writeString(file, pki.root.certificatePem());
        return file;
    }

    @Override
    public void close() {
        proxy.close();
        backends.forEach(TestBackend::close);
    }
}
