package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.backend.BackendMappings;
import dev.gatehouse.proxy.server.AccessLogEvent;
import dev.gatehouse.proxy.server.ProxyConfig;
import dev.gatehouse.proxy.server.Transport;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.KeyAlgorithm;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A proxy on ephemeral loopback ports serving test Ingresses in namespace {@code shop}, with Netty test
 * backends mapped explicitly:
 * <ul>
 * <li>{@code shop.test}: TLS; {@code /} → web, {@code /api} → api</li>
 * <li>{@code *.apps.test}: TLS with a wildcard certificate → apps</li>
 * <li>{@code plain.test}: no TLS → web</li>
 * <li>{@code mtls.test}: TLS, client certificates from the client CA required → web</li>
 * <li>{@code secure.test}: TLS, re-encrypted to an HTTPS backend verified with the backend CA → secure</li>
 * <li>{@code rewrite.test}: TLS off; {@code /app(/|$)(.*)} rewritten to {@code /$2} → web</li>
 * <li>{@code only.test}: one Exact path {@code /only} → web; anything else has no rule</li>
 * </ul>
 */
final class ProxyFixture implements AutoCloseable {

    /**
     * The real clock, for the certificates and the proxy alike: JDK HTTPS clients and curl check the
     * served certificates by the real clock, so these are dated by it (not by a moved or fixed one).
     */
    static final Clock CLOCK = Clock.systemUTC();

    /** Generated once per JVM: key generation is the slow part of a fixture. */
    static final class Pki {
        final CertificateBundle root = CertificateBuilder.create(CLOCK).subject("CN=Proxy Test Root CA").ca(true).build();
        final CertificateBundle shop = leaf("shop.test");
        final CertificateBundle apps = leaf("*.apps.test");
        final CertificateBundle mtls = leaf("mtls.test");
        final CertificateBundle secure = leaf("secure.test");
        final CertificateBundle backend = leaf("backend.test");
        final CertificateBundle clientCa = CertificateBuilder.create(CLOCK).subject("CN=Proxy Test Client CA").ca(true).build();
        final CertificateBundle client = CertificateBuilder.create(CLOCK).subject("CN=alice, O=Clients").clientAuth()
                .issuedBy(clientCa).build();
        final CertificateBundle stranger = CertificateBuilder.create(CLOCK).subject("CN=mallory").clientAuth().selfSigned()
                .build();
        final CertificateBundle fake = CertificateBuilder.create(CLOCK)
                .subject("CN=Kubernetes Ingress Controller Fake Certificate, O=Acme Co").sans("ingress.local")
                .algorithm(KeyAlgorithm.EC_P256).serverAuth().selfSigned().build();

        private CertificateBundle leaf(String name) {
            return CertificateBuilder.create(CLOCK).sans(name).serverAuth().issuedBy(root).build();
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
    final TestBackend web;
    final TestBackend api;
    final TestBackend apps;
    final TestBackend secure;
    final BackendMappings mappings = new BackendMappings();
    final LocalProxy proxy;
    final AccessLog log = new AccessLog();
    private final AtomicReference<ClusterView> view = new AtomicReference<>();

    ProxyFixture(ProxyConfig config) throws Exception {
        this(config, Transport.best());
    }

    ProxyFixture(ProxyConfig config, Transport transport) throws Exception {
        web = TestBackend.http("web");
        api = TestBackend.http("api");
        apps = TestBackend.http("apps");
        secure = TestBackend.https("secure", pki.backend);
        mappings.add("shop/web:80=" + web.url());
        mappings.add("shop/api:http=" + api.url());
        mappings.add("shop/apps:80=" + apps.url());
        mappings.add("shop/secure:443=" + "http://127.0.0.1:" + secure.port());
        view.set(load(yaml()));
        proxy = LocalProxy.builder(RuleSource.of("test rules", view::get), CLOCK)
                .config(config)
                .backends(new BackendDirectory(List.of(mappings)))
                .defaultCertificate(pki.fake)
                .transport(transport)
                .start();
        proxy.addAccessLogListener(log);
    }

    ProxyFixture() throws Exception {
        this(testConfig());
    }

    /** Ephemeral ports, short timeouts so tests finish quickly. */
    static ProxyConfig testConfig() {
        return ProxyConfig.defaults().withPorts(0, 0).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    int httpsPort() {
        return proxy.httpsAddress().getPort();
    }

    int httpPort() {
        return proxy.httpAddress().getPort();
    }

    /** Replaces the rules (as an edit of the source would) and reloads. */
    void replaceRules(String yaml) {
        view.set(load(yaml));
        proxy.reload();
    }

    /** An HTTPS request through the proxy with the URL host as SNI. */
    ProxyProbe.Response https(String host, String path) throws IOException {
        return send("GET", URI.create("https://" + host + path), Optional.of(host), List.of(), null);
    }

    ProxyProbe.Response http(String host, String path) throws IOException {
        return send("GET", URI.create("http://" + host + path), Optional.empty(), List.of(), null);
    }

    ProxyProbe.Response send(String method, URI url, Optional<String> sni, List<Map.Entry<String, String>> headers,
                             CertificateBundle clientCertificate) throws IOException {
        boolean https = url.getScheme().equals("https");
        return ProxyProbe.send(new ProxyProbe.Request(method, url, https ? proxy.httpsAddress() : proxy.httpAddress(),
                sni, headers, Optional.ofNullable(clientCertificate).map(CertificateBundle::privateKey),
                clientCertificate == null ? List.of() : clientCertificate.chain(), Duration.ofSeconds(10)));
    }

    /** Writes the test root CA as PEM (for curl --cacert / openssl -CAfile). */
    Path rootCaFile(Path dir) throws IOException {
        Path file = dir.resolve("root-ca.pem");
        Files.writeString(file, pki.root.certificatePem());
        return file;
    }

    static InMemoryClusterView load(String yaml) {
        LoadResult result = new YamlClusterLoader().parse(yaml, "proxy-fixture.yaml");
        assertThat(result).as("fixture YAML").isInstanceOf(LoadResult.Loaded.class);
        return InMemoryClusterView.of(((LoadResult.Loaded) result).objects());
    }

    String yaml() {
        return ingress("shop", "shop.test", "shop-tls", "", """
                          - path: /
                            pathType: Prefix
                            backend: {service: {name: web, port: {number: 80}}}
                          - path: /api
                            pathType: Prefix
                            backend: {service: {name: api, port: {name: http}}}
                """)
                + ingress("apps", "*.apps.test", "apps-tls", "", path("/", "apps", 80))
                + ingress("plain", "plain.test", null, "", path("/", "web", 80))
                + ingress("mtls", "mtls.test", "mtls-tls", """
                    nginx.ingress.kubernetes.io/auth-tls-secret: shop/client-ca
                    nginx.ingress.kubernetes.io/auth-tls-verify-client: "on"
                """, path("/", "web", 80))
                + ingress("secure", "secure.test", "secure-tls", """
                    nginx.ingress.kubernetes.io/backend-protocol: HTTPS
                    nginx.ingress.kubernetes.io/proxy-ssl-secret: shop/backend-ca
                    nginx.ingress.kubernetes.io/proxy-ssl-verify: "on"
                    nginx.ingress.kubernetes.io/proxy-ssl-name: backend.test
                """, path("/", "secure", 443))
                + ingress("rewrite", "rewrite.test", null, """
                    nginx.ingress.kubernetes.io/rewrite-target: /$2
                """, """
                          - path: /app(/|$)(.*)
                            pathType: ImplementationSpecific
                            backend: {service: {name: web, port: {number: 80}}}
                """)
                + ingress("only", "only.test", null, "", """
                          - path: /only
                            pathType: Exact
                            backend: {service: {name: web, port: {number: 80}}}
                """)
                + tlsSecret("shop-tls", pki.shop) + tlsSecret("apps-tls", pki.apps) + tlsSecret("mtls-tls", pki.mtls)
                + tlsSecret("secure-tls", pki.secure)
                + caSecret("client-ca", pki.clientCa) + caSecret("backend-ca", pki.root);
    }

    static String path(String path, String service, int port) {
        return "              - path: " + path + "\n                pathType: Prefix\n"
                + "                backend: {service: {name: " + service + ", port: {number: " + port + "}}}\n";
    }

    static String ingress(String name, String host, String secret, String annotations, String paths) {
        return "---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: " + name
                + "\n  namespace: shop\n" + (annotations.isBlank() ? "" : "  annotations:\n" + annotations)
                + "spec:\n  ingressClassName: nginx\n"
                + (secret == null ? "" : "  tls:\n    - hosts: [\"" + host + "\"]\n      secretName: " + secret + "\n")
                + "  rules:\n    - host: \"" + host + "\"\n      http:\n        paths:\n" + paths;
    }

    static String tlsSecret(String name, CertificateBundle bundle) {
        return "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "\n  namespace: shop\n"
                + "type: kubernetes.io/tls\nstringData:\n  tls.crt: |\n" + indent(bundle.chainPem())
                + "  tls.key: |\n" + indent(bundle.privateKeyPem());
    }

    static String caSecret(String name, CertificateBundle ca) {
        return "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name + "\n  namespace: shop\n"
                + "type: Opaque\nstringData:\n  ca.crt: |\n" + indent(ca.certificatePem());
    }

    private static String indent(String pem) {
        StringBuilder b = new StringBuilder();
        pem.lines().forEach(l -> b.append("    ").append(l).append('\n'));
        return b.toString();
    }

    @Override
    public void close() {
        proxy.close();
        web.close();
        api.close();
        apps.close();
        secure.close();
    }

    /** Collects access-log events and lets a test wait for them. */
    static final class AccessLog implements AccessLogListener {
        private final java.util.concurrent.LinkedBlockingQueue<AccessLogEvent> events =
                new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public void onRequest(AccessLogEvent event) {
            events.add(event);
        }

        /** The next event for the path (waits up to 5 s); earlier events for other paths are dropped. */
        AccessLogEvent next(String path) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                AccessLogEvent e = events.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (e != null && e.path().equals(path)) {
                    return e;
                }
            }
            throw new AssertionError("no access-log event for " + path);
        }
    }
}
