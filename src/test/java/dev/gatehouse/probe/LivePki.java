package dev.gatehouse.probe;

import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Certificates for probes against real TLS peers. Dated by the wall clock, because BoringSSL, openssl and the
 * proxy's TLS stack run on it, and valid 800 days on, so the app clock moved two years
 * ({@code GATEHOUSE_CLOCK_OFFSET=P730D}) judges them valid too. Generated once per JVM.
 */
public final class LivePki {

    /** The wall clock, on purpose: real TLS peers check by it. */
    private static final Clock WALL = Clock.systemUTC();
    private static LivePki instance;

    public final Instant now = WALL.instant();
    public final CertificateBundle root = ca("CN=Probe Test Root CA", null);
    public final CertificateBundle intermediate = ca("CN=Probe Test Intermediate CA", root);
    /** The Secret shop/shop-tls's certificate, "renewed" a day ago. */
    public final CertificateBundle shop = leaf("shop.test", now.minus(Duration.ofDays(1)));
    /** The certificate shop/shop-tls held before, from 20 days ago. */
    public final CertificateBundle shopOld = leaf("shop.test", now.minus(Duration.ofDays(20)));
    /** The Secret shop/other-tls's certificate. */
    public final CertificateBundle other = leaf("other.test", now.minus(Duration.ofDays(1)));
    public final CertificateBundle fake = CertificateBuilder.create()
            .subject("CN=Kubernetes Ingress Controller Fake Certificate, O=Acme Co").sans("ingress.local")
            .serverAuth().notBefore(now.minus(Duration.ofDays(1))).notAfter(now.plus(Duration.ofDays(800))).build();

    public static synchronized LivePki get() {
        if (instance == null) {
            instance = new LivePki();
        }
        return instance;
    }

    private CertificateBundle ca(String subject, CertificateBundle issuer) {
        CertificateBuilder b = CertificateBuilder.create().subject(subject).ca(true)
                .notBefore(now.minus(Duration.ofDays(30))).notAfter(now.plus(Duration.ofDays(900)));
        return (issuer == null ? b : b.issuedBy(issuer)).build();
    }

    private CertificateBundle leaf(String host, Instant from) {
        return CertificateBuilder.create().subject("CN=" + host).sans(host).serverAuth().issuedBy(intermediate)
                .notBefore(from).notAfter(now.plus(Duration.ofDays(800))).build();
    }

    public TrustAnchors anchors() {
        return TrustAnchors.of(root.certificate()).plus("the probe test root", java.util.List.of(root.certificate()));
    }

    /** Leaf then intermediate, as a Secret's tls.crt should hold it. */
    public String chainPem(CertificateBundle leaf) {
        return leaf.certificatePem() + intermediate.certificatePem();
    }

    /**
     * Ingresses shop (shop.test, Secret shop-tls) and other (other.test, Secret other-tls) in namespace shop, both
     * publishing {@code 127.0.0.1} in status.loadBalancer.
     */
    public String yaml() {
        return ingress("shop", "shop.test", "shop-tls") + ingress("other", "other.test", "other-tls")
                + secret("shop-tls", shop) + secret("other-tls", other);
    }

    /**
     * {@link #yaml()} plus GatewayClass {@code gw}, Gateway {@code shop/edge} (listener {@code tls-gw} on 8443 for
     * {@code gw.test} with Secret other-tls, listener {@code wild} on 443 for {@code *.wild.test} with Secret
     * shop-tls, published as Hostname {@code lb.example.test}), HTTPRoute {@code shop/app} for {@code app.wild.test},
     * and Gateway {@code shop/quiet} (listener for {@code quiet.test}, no status).
     */
    public String gatewayYaml() {
        return yaml() + """
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata: {name: gw}
                spec: {controllerName: example.com/gateway}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: edge, namespace: shop}
                spec:
                  gatewayClassName: gw
                  listeners:
                  - name: tls-gw
                    port: 8443
                    protocol: HTTPS
                    hostname: gw.test
                    tls: {mode: Terminate, certificateRefs: [{kind: Secret, name: other-tls}]}
                  - name: wild
                    port: 443
                    protocol: HTTPS
                    hostname: "*.wild.test"
                    tls: {mode: Terminate, certificateRefs: [{kind: Secret, name: shop-tls}]}
                status:
                  addresses:
                  - {type: NamedAddress, value: pool-a}
                  - {type: Hostname, value: lb.example.test}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: app, namespace: shop}
                spec:
                  parentRefs: [{name: edge}]
                  hostnames: [app.wild.test]
                  rules:
                  - backendRefs: [{name: web, port: 80}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: quiet, namespace: shop}
                spec:
                  gatewayClassName: gw
                  listeners:
                  - name: https
                    port: 443
                    protocol: HTTPS
                    hostname: quiet.test
                    tls: {mode: Terminate, certificateRefs: [{kind: Secret, name: other-tls}]}
                ---
                """;
    }

    public InMemoryClusterView gatewayView() {
        LoadResult result = new YamlClusterLoader().parse(gatewayYaml(), "live-pki-gateway.yaml");
        if (!(result instanceof LoadResult.Loaded loaded)) {
            throw new IllegalStateException(String.valueOf(result));
        }
        return InMemoryClusterView.of(loaded.objects());
    }

    public InMemoryClusterView view() {
        LoadResult result = new YamlClusterLoader().parse(yaml(), "live-pki.yaml");
        return InMemoryClusterView.of(((LoadResult.Loaded) result).objects());
    }

    public Path writeYaml(Path dir) throws IOException {
        return Files.writeString(dir.resolve("objects.yaml"), yaml());
    }

    private static String ingress(String name, String host, String secret) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: %s, namespace: shop}
                spec:
                  ingressClassName: nginx
                  tls:
                  - hosts: [%s]
                    secretName: %s
                  rules:
                  - host: %s
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: web, port: {number: 80}}}
                status:
                  loadBalancer:
                    ingress:
                    - ip: 127.0.0.1
                ---
                """.formatted(name, host, secret, host);
    }

    private String secret(String name, CertificateBundle leaf) {
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: %s, namespace: shop}
                type: kubernetes.io/tls
                stringData:
                  tls.crt: |
                %s
                  tls.key: |
                %s
                ---
                """.formatted(name, indent(chainPem(leaf)), indent(leaf.privateKeyPem()));
    }

    private static String indent(String pem) {
        return pem.strip().lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** Writes a PEM file. */
    public static Path write(Path dir, String name, String pem) throws IOException {
        return Files.writeString(dir.resolve(name), pem);
    }
}
