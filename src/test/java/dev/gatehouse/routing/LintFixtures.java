package dev.gatehouse.routing;

import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.tls.TestCerts;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** A healthy setup and, for every diagnostic code, a variation that produces it. */
final class LintFixtures {

    /** Builds the fixture of a scenario. */
    interface Scenario {
        Fixture build();
    }

    static final String CLASS = """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: nginx}
            spec: {controller: k8s.io/ingress-nginx}
            """;

    private LintFixtures() {
    }

    /** IngressClass nginx, Ingress shop/web for shop.example.com with TLS, a valid Secret, a ready Service. */
    static Fixture healthy() {
        return web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                "Prefix", "web", "number: 80")
                .tlsSecret("shop", "shop-tls", "shop.example.com").service("shop", "web", 80, 2);
    }

    static Fixture web(String annotations, String classLine, String tlsHosts, String secretName, String host,
                       String path, String pathType, String service, String port) {
        String typeLine = pathType.isEmpty() ? "" : "\n        pathType: " + pathType;
        return new Fixture().yaml(CLASS + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {%s}
                spec:
                %s
                  tls:
                  - hosts: %s
                    secretName: %s
                  rules:
                  - host: "%s"
                    http:
                      paths:
                      - path: %s%s
                        backend: {service: {name: %s, port: {%s}}}
                """.formatted(annotations, classLine, tlsHosts, secretName, host, path, typeLine, service, port));
    }

    private static Fixture annotated(String annotations) {
        return web(annotations, "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com",
                "/", "Prefix", "web", "number: 80").tlsSecret("shop", "shop-tls", "shop.example.com")
                .service("shop", "web", 80, 2);
    }

    /** The healthy setup with the Secret built from the given leaf (and the fixture intermediate). */
    private static Fixture withLeaf(java.util.function.Function<Fixture, TestCerts.Issued> leaf, boolean intermediate) {
        Fixture f = web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                "Prefix", "web", "number: 80").service("shop", "web", 80, 2);
        TestCerts.Issued issued = leaf.apply(f);
        String crt = intermediate ? TestCerts.pem(issued.cert(), f.intermediate().cert()) : TestCerts.pem(issued.cert());
        return f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt", crt, "tls.key",
                TestCerts.pem(issued.key())));
    }

    private static TestCerts.Spec shopLeaf(Fixture f) {
        return TestCerts.cert("shop.example.com").dns("shop.example.com").issuedBy(f.intermediate());
    }

    static final Map<DiagnosticCode, Scenario> SCENARIOS = scenarios();

    private static Map<DiagnosticCode, Scenario> scenarios() {
        Map<DiagnosticCode, Scenario> map = new EnumMap<>(DiagnosticCode.class);
        map.put(DiagnosticCode.GH001, () -> healthy().scope(new ClusterView.Scope(true, true, false)));
        map.put(DiagnosticCode.GH002, () -> new Fixture()
                .yaml(Fixture.ingress("shop", "web", "shop.example.com", "/:Prefix:web:80")).service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH101, () -> web("", "  ingressClassName: nginx", "[shop.example.com]", "gone",
                "shop.example.com", "/", "Prefix", "web", "number: 80").tlsSecret("shop", "other", "x.example.com")
                .service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH102, () -> {
            Fixture f = web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                    "Prefix", "web", "number: 80").service("shop", "web", 80, 1);
            TestCerts.Issued leaf = f.leaf("shop.example.com");
            return f.secret("shop", "shop-tls", "Opaque", Map.of("tls.crt", TestCerts.pem(leaf.cert(),
                    f.intermediate().cert()), "tls.key", TestCerts.pem(leaf.key())));
        });
        map.put(DiagnosticCode.GH103, () -> {
            Fixture f = web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                    "Prefix", "web", "number: 80").service("shop", "web", 80, 1);
            TestCerts.Issued leaf = f.leaf("shop.example.com");
            return f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt", TestCerts.pem(leaf.cert())));
        });
        map.put(DiagnosticCode.GH104, () -> {
            Fixture f = web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                    "Prefix", "web", "number: 80").service("shop", "web", 80, 1);
            TestCerts.Issued leaf = f.leaf("shop.example.com");
            String pem = TestCerts.pem(leaf.cert());
            return f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt", pem.substring(0, pem.length() / 2),
                    "tls.key", TestCerts.pem(leaf.key())));
        });
        map.put(DiagnosticCode.GH105, () -> withLeaf(f -> shopLeaf(f).daysLeft(-10).issue(), true));
        map.put(DiagnosticCode.GH106, () -> withLeaf(f -> shopLeaf(f).daysLeft(3).issue(), true));
        map.put(DiagnosticCode.GH107, () -> withLeaf(f -> shopLeaf(f).daysLeft(20).issue(), true));
        map.put(DiagnosticCode.GH108, () -> withLeaf(f -> shopLeaf(f)
                .validFrom(TestCerts.NOW.plus(Duration.ofDays(3))).validUntil(TestCerts.NOW.plus(Duration.ofDays(90)))
                .issue(), true));
        map.put(DiagnosticCode.GH110, () -> {
            Fixture f = web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                    "Prefix", "web", "number: 80").service("shop", "web", 80, 1);
            TestCerts.Issued leaf = f.leaf("shop.example.com");
            return f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt", TestCerts.pem(leaf.cert(),
                    f.intermediate().cert()), "tls.key", TestCerts.pem(TestCerts.ecKey().getPrivate())));
        });
        map.put(DiagnosticCode.GH111, () -> {
            Fixture f = web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                    "Prefix", "web", "number: 80").service("shop", "web", 80, 1);
            TestCerts.Issued leaf = f.leaf("shop.example.com");
            return f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt", TestCerts.pem(
                    f.intermediate().cert(), leaf.cert()), "tls.key", TestCerts.pem(leaf.key())));
        });
        map.put(DiagnosticCode.GH112, () -> withLeaf(f -> shopLeaf(f).issue(), false));
        map.put(DiagnosticCode.GH116, () -> {
            // A private CA: the chain ends at its issuing CA, whose root is not trusted by the fixture.
            Fixture f = web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                    "Prefix", "web", "number: 80").service("shop", "web", 80, 2);
            TestCerts.Issued companyRoot = TestCerts.cert("Company Root CA").ca().issue();
            TestCerts.Issued issuing = TestCerts.cert("Company Issuing CA").ca().issuedBy(companyRoot).issue();
            TestCerts.Issued leaf = TestCerts.cert("shop.example.com").dns("shop.example.com").issuedBy(issuing).issue();
            return f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt", TestCerts.pem(leaf.cert(),
                    issuing.cert()), "tls.key", TestCerts.pem(leaf.key())));
        });
        map.put(DiagnosticCode.GH113, () -> withLeaf(f -> shopLeaf(f).keys(TestCerts.rsaKey(1024)).issue(), true));
        map.put(DiagnosticCode.GH114, () -> withLeaf(f -> shopLeaf(f).clientAuthOnly().issue(), true));
        map.put(DiagnosticCode.GH117, () -> {
            Fixture f = web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                    "Prefix", "web", "number: 80").service("shop", "web", 80, 1);
            TestCerts.Issued leaf = f.leaf("shop.example.com");
            return f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt", TestCerts.pem(leaf.key()),
                    "tls.key", TestCerts.pem(leaf.cert())));
        });
        map.put(DiagnosticCode.GH118, () -> withLeaf(f -> shopLeaf(f).keys(TestCerts.dsaKey()).issue(), true));
        map.put(DiagnosticCode.GH115, () -> {
            Fixture f = web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls", "shop.example.com", "/",
                    "Prefix", "web", "number: 80").service("shop", "web", 80, 1);
            TestCerts.Issued leaf = f.leaf("shop.example.com");
            TestCerts.Issued stray = TestCerts.cert("Stray CA").ca().issue();
            return f.secret("shop", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt", TestCerts.pem(leaf.cert(),
                    f.intermediate().cert(), stray.cert()), "tls.key", TestCerts.pem(leaf.key())));
        });
        map.put(DiagnosticCode.GH201, () -> web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls",
                "shop.example.com", "/", "Prefix", "web", "number: 80")
                .tlsSecret("shop", "shop-tls", "www.shop.example.com").service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH202, () -> new Fixture().yaml(CLASS + "---\n"
                + Fixture.ingress("shop", "web", "shop.example.com", "/:Prefix:web:80")).service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH203, () -> web("", "  ingressClassName: nginx",
                "[shop.example.com, api.example.com]", "shop-tls", "shop.example.com", "/", "Prefix", "web", "number: 80")
                .tlsSecret("shop", "shop-tls", "shop.example.com", "api.example.com").service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH204, () -> web("", "  ingressClassName: nginx", "[\"*shop.example.com\"]",
                "shop-tls", "*shop.example.com", "/", "Prefix", "web", "number: 80")
                .tlsSecret("shop", "shop-tls", "shop.example.com").service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH205, () -> web("", "  ingressClassName: nginx", "[Shop.example.com]", "shop-tls",
                "Shop.example.com", "/", "Prefix", "web", "number: 80")
                .tlsSecret("shop", "shop-tls", "shop.example.com").service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH206, () -> annotated("nginx.ingress.kubernetes.io/ssl-redirect: \"false\""));
        map.put(DiagnosticCode.GH207, () -> withLeaf(f -> TestCerts.cert("shop.example.com")
                .issuedBy(f.intermediate()).issue(), true));
        map.put(DiagnosticCode.GH208, () -> web("", "  ingressClassName: nginx", "[shop.example.com]", "\"\"",
                "shop.example.com", "/", "Prefix", "web", "number: 80").service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH301, () -> healthy().yaml("---\n" + Fixture.ingress("shop", "copy",
                "shop.example.com", "/:Prefix:web:80")));
        map.put(DiagnosticCode.GH302, () -> web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls",
                "shop.example.com", "/", "", "web", "number: 80").tlsSecret("shop", "shop-tls", "shop.example.com")
                .service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH303, () -> web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls",
                "shop.example.com", "api", "Prefix", "web", "number: 80").tlsSecret("shop", "shop-tls",
                "shop.example.com").service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH304, () -> annotated("nginx.ingress.kubernetes.io/use-regex: \"true\"")
                .yaml("---\n" + Fixture.ingress("shop", "docs", "shop.example.com", "/docs:Prefix:web:80")));
        map.put(DiagnosticCode.GH401, () -> web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls",
                "shop.example.com", "/", "Prefix", "absent", "number: 80").tlsSecret("shop", "shop-tls",
                "shop.example.com").service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH402, () -> web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls",
                "shop.example.com", "/", "Prefix", "web", "name: https").tlsSecret("shop", "shop-tls",
                "shop.example.com").service("shop", "web", 80, 1));
        map.put(DiagnosticCode.GH403, () -> web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls",
                "shop.example.com", "/", "Prefix", "web", "number: 80").tlsSecret("shop", "shop-tls",
                "shop.example.com").service("shop", "web", 80, "http", 0, 1));
        map.put(DiagnosticCode.GH404, () -> healthy().yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: bucket, namespace: shop}
                spec:
                  ingressClassName: nginx
                  defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}
                """));
        map.put(DiagnosticCode.GH501, () -> web("", "  ingressClassName: nginx-internal", "[shop.example.com]",
                "shop-tls", "shop.example.com", "/", "Prefix", "web", "number: 80"));
        map.put(DiagnosticCode.GH502, () -> web("", "", "[shop.example.com]",
                "shop-tls", "shop.example.com", "/", "Prefix", "web", "number: 80"));
        map.put(DiagnosticCode.GH503, () -> healthy().yaml("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: traefik}
                spec: {controller: traefik.io/ingress-controller}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: other, namespace: shop}
                spec:
                  ingressClassName: traefik
                  defaultBackend: {service: {name: web, port: {number: 80}}}
                """));
        map.put(DiagnosticCode.GH504, () -> healthy().yaml("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: a
                  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
                spec: {controller: k8s.io/ingress-nginx}
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: b
                  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
                spec: {controller: example.com/other}
                """));
        map.put(DiagnosticCode.GH601, () -> annotated("nginx.ingress.kubernetes.io/backend-protocol: HTTPS"));
        map.put(DiagnosticCode.GH602, () -> annotated("nginx.ingress.kubernetes.io/backend-protocol: HTTPS,"
                + " nginx.ingress.kubernetes.io/proxy-ssl-verify: \"on\""));
        map.put(DiagnosticCode.GH603, () -> annotated("nginx.ingress.kubernetes.io/auth-tls-secret: shop/client-ca"));
        map.put(DiagnosticCode.GH604, () -> annotated("nginx.ingress.kubernetes.io/ssl-passthrough: \"true\""));
        map.put(DiagnosticCode.GH605, () -> annotated("nginx.ingress.kubernetes.io/backend-protocol: HTTPSS"));
        GatewayLintFixtures.addTo(map);
        GatewayTlsLintFixtures.addTo(map);
        return java.util.Collections.unmodifiableMap(map);
    }
}
