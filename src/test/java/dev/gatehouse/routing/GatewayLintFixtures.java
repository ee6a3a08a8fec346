package dev.gatehouse.routing;

import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.tls.TestCerts;
import java.util.Map;

/** For every GH7xx code, the smallest Gateway API input that produces it (see {@link LintFixtures}). */
final class GatewayLintFixtures {

    private static final String CLASS = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: eg}
            spec: {controllerName: example.com/gateway}
            ---
            """;

    private GatewayLintFixtures() {
    }

    /** GatewayClass eg, Gateway a/gw with the given listeners (YAML list items), and {@code more} objects. */
    static Fixture gateway(String listeners, String more) {
        return new Fixture().yaml(CLASS + """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: a}
                spec:
                  gatewayClassName: eg
                  listeners:
                %s
                """.formatted(listeners.indent(2)) + (more.isEmpty() ? "" : "---\n" + more));
    }

    private static final String HTTPS = "- {name: https, port: 443, protocol: HTTPS, hostname: shop.example.com,"
            + " tls: {certificateRefs: [{name: shop-tls}]}}";

    private static String route(String backendRef) {
        return """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: a}
                spec:
                  parentRefs: [{name: gw}]
                  rules: [{backendRefs: [%s]}]
                """.formatted(backendRef);
    }

    static void addTo(Map<DiagnosticCode, LintFixtures.Scenario> map) {
        map.put(DiagnosticCode.GH701, () -> new Fixture().yaml("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: a}
                spec: {gatewayClassName: nope, listeners: [{name: http, port: 80, protocol: HTTP}]}
                """));
        map.put(DiagnosticCode.GH702, () -> gateway("- {name: odd, port: 9000, protocol: SCTP}", ""));
        map.put(DiagnosticCode.GH703, () -> gateway("- {name: https, port: 443, protocol: HTTPS}", ""));
        map.put(DiagnosticCode.GH704, () -> gateway(HTTPS, ""));
        map.put(DiagnosticCode.GH705, () -> gateway("- {name: https, port: 443, protocol: HTTPS, hostname: shop.example.com,"
                + " tls: {certificateRefs: [{name: shop-tls, namespace: certs}]}}", "")
                .tlsSecret("certs", "shop-tls", "shop.example.com"));
        map.put(DiagnosticCode.GH706, () -> {
            Fixture f = gateway(HTTPS, "");
            TestCerts.Issued leaf = TestCerts.cert("shop.example.com").dns("shop.example.com").daysLeft(-3)
                    .issuedBy(f.intermediate()).issue();
            return f.secret("a", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt",
                    TestCerts.pem(leaf.cert(), f.intermediate().cert()), "tls.key", TestCerts.pem(leaf.key())));
        });
        map.put(DiagnosticCode.GH707, () -> gateway(HTTPS, "").tlsSecret("a", "shop-tls", "other.example.com"));
        map.put(DiagnosticCode.GH708, () -> {
            Fixture f = gateway(HTTPS, "");
            TestCerts.Issued one = f.leaf("shop.example.com");
            TestCerts.Issued two = f.leaf("shop.example.com");
            return f.secret("a", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt",
                    TestCerts.pem(one.cert(), f.intermediate().cert()), "tls.key", TestCerts.pem(two.key())));
        });
        map.put(DiagnosticCode.GH709, () -> {
            Fixture f = gateway(HTTPS, "");
            TestCerts.Issued leaf = f.leaf("shop.example.com");
            return f.secret("a", "shop-tls", "kubernetes.io/tls", Map.of("tls.crt",
                    TestCerts.pem(f.intermediate().cert(), leaf.cert()), "tls.key", TestCerts.pem(leaf.key())));
        });
        map.put(DiagnosticCode.GH710, () -> gateway("""
                - {name: one, port: 80, protocol: HTTP, hostname: x.example.com}
                - {name: two, port: 80, protocol: HTTP, hostname: x.example.com}""", ""));
        map.put(DiagnosticCode.GH711, () -> gateway("- {name: http, port: 80, protocol: HTTP, hostname: x.example.com}", """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: a}
                spec:
                  parentRefs: [{name: gw}]
                  hostnames: [y.example.com]
                  rules: [{backendRefs: [{name: web, port: 80}]}]
                """));
        String http = "- {name: http, port: 80, protocol: HTTP}";
        map.put(DiagnosticCode.GH712, () -> gateway(http, route("{name: nope, port: 80}")));
        map.put(DiagnosticCode.GH713, () -> gateway(http, route("{name: web, namespace: b, port: 80}"))
                .service("b", "web", 80, 1));
        map.put(DiagnosticCode.GH714, () -> gateway(http, route("{name: web, port: 81}")).service("a", "web", 80, 1));
        map.put(DiagnosticCode.GH715, () -> gateway(http, route("{group: example.com, kind: Bucket, name: b}")));
        map.put(DiagnosticCode.GH716, () -> gateway(http, route("{name: web, port: 443}") + """
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: BackendTLSPolicy
                metadata: {name: web-tls, namespace: a}
                spec:
                  targetRefs: [{group: "", kind: Service, name: web}]
                  validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: web-ca}], hostname: web.a.svc}
                """).service("a", "web", 443, 1));
        map.put(DiagnosticCode.GH717, () -> gateway(http + "\n" + HTTPS, route("{name: web, port: 80}"))
                .tlsSecret("a", "shop-tls", "shop.example.com").service("a", "web", 80, 1));
        map.put(DiagnosticCode.GH718, () -> gateway(HTTPS, """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: a}
                spec:
                  parentRefs: [{name: gw}]
                  hostnames: [shop.example.com]
                  rules: [{backendRefs: [{name: web, port: 80}]}]
                """).tlsSecret("a", "shop-tls", "shop.example.com").service("a", "web", 80, 1)
                .yaml(LintFixtures.CLASS + "---\n" + Fixture.ingress("a", "legacy", "shop.example.com",
                        "/:Prefix:web:80")));
        map.put(DiagnosticCode.GH719, () -> gateway(http, """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: a}
                spec:
                  parentRefs: [{name: gw}]
                  rules:
                  - filters: [{type: RequestMirror, requestMirror: {backendRef: {name: web, port: 80}}}]
                    backendRefs: [{name: web, port: 80}]
                """).service("a", "web", 80, 1));
    }

}
