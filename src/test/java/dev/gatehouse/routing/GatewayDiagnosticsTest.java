package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GH7xx: the Gateway API diagnostics, each raised by the smallest objects that show it. */
class GatewayDiagnosticsTest {

    private static final String CLASS = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: eg}
            spec: {controllerName: example.com/gateway}
            ---
            """;

    private static List<Diagnostic> of(DiagnosticReport report, DiagnosticCode code) {
        return report.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    @Test
    void listenerCertificateAndBackendProblemsAreNamed() {
        Fixture f = new Fixture().yaml(GatewayMatchingTest.resource("tls.yaml"))
                .tlsSecret("shop", "a-tls", "a.example.com").tlsSecret("shop", "b-tls", "wrong.example.com")
                .tlsSecret("certs", "shared-tls", "granted.example.com").tlsSecret("other", "other-tls", "x.example.com")
                .service("shop", "web", 8080, 1).service("shop", "canary", 8080, 1).service("shop", "old", 8080, 1)
                .service("backends", "secret-svc", 8080, 1).service("backends", "granted", 8080, 1)
                .service("shop", "secure", 8443, 1).service("shop", "broken-ca", 8443, 1)
                .yaml(Fixture.ingress("shop", "legacy", "a.example.com", "/:Prefix:web:8080"));
        DiagnosticReport report = f.lint();
        assertThat(of(report, DiagnosticCode.GH705)).singleElement().satisfies(d -> {
            assertThat(d.object().toString()).isEqualTo("Gateway shop/edge");
            assertThat(d.message()).contains("Listener denied", "other/other-tls", "ReferenceGrant");
        });
        assertThat(of(report, DiagnosticCode.GH704)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("Listener missing", "shop/nope-tls", "does not exist"));
        assertThat(of(report, DiagnosticCode.GH707)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("Listener b", "b.example.com"));
        assertThat(of(report, DiagnosticCode.GH712)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("does-not-exist"));
        assertThat(of(report, DiagnosticCode.GH714)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("9999"));
        assertThat(of(report, DiagnosticCode.GH713)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("backends/secret-svc"));
        assertThat(of(report, DiagnosticCode.GH715)).hasSize(1);
        // secure-ca is not in this input either: both policies lack their CA
        assertThat(of(report, DiagnosticCode.GH716)).hasSize(2).anySatisfy(d -> {
            assertThat(d.object().toString()).isEqualTo("BackendTLSPolicy shop/broken-tls");
            assertThat(d.message()).contains("no-such-ca");
        });
        assertThat(of(report, DiagnosticCode.GH719)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("RequestMirror"));
        assertThat(of(report, DiagnosticCode.GH717)).anySatisfy(d -> assertThat(d.message()).contains("b.example.com"));
        assertThat(of(report, DiagnosticCode.GH718)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("a.example.com", "Ingress shop/legacy"));
    }

    @Test
    void routesAttachedNowhereSayWhy() {
        DiagnosticReport report = new Fixture().yaml(GatewayMatchingTest.resource("matching.yaml")).lint();
        assertThat(of(report, DiagnosticCode.GH711)).singleElement().satisfies(d -> {
            assertThat(d.object().toString()).isEqualTo("HTTPRoute infra/not-intersecting");
            assertThat(d.message()).contains("NoMatchingListenerHostname", "bar.example.net");
        });
    }

    @Test
    void gatewayAndListenerValidity() {
        DiagnosticReport report = new Fixture().yaml(CLASS + """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: orphan, namespace: a}
                spec:
                  gatewayClassName: nope
                  listeners: [{name: http, port: 80, protocol: HTTP}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: a}
                spec:
                  gatewayClassName: eg
                  listeners:
                  - {name: one, port: 80, protocol: HTTP, hostname: x.example.com}
                  - {name: two, port: 80, protocol: HTTP, hostname: x.example.com}
                  - {name: bare, port: 443, protocol: HTTPS, hostname: y.example.com}
                  - {name: odd, port: 9000, protocol: SCTP}
                """).lint();
        assertThat(of(report, DiagnosticCode.GH701)).singleElement()
                .satisfies(d -> assertThat(d.object().toString()).isEqualTo("Gateway a/orphan"));
        assertThat(of(report, DiagnosticCode.GH710)).hasSize(2)
                .allSatisfy(d -> assertThat(d.message()).contains("HostnameConflict"));
        assertThat(of(report, DiagnosticCode.GH703)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("Listener bare"));
        assertThat(of(report, DiagnosticCode.GH702)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("UnsupportedProtocol"));
    }

    @Test
    void aHealthyGatewayRaisesNothing() {
        DiagnosticReport report = new Fixture().yaml(CLASS + """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: a}
                spec:
                  gatewayClassName: eg
                  listeners:
                  - {name: http, port: 80, protocol: HTTP, hostname: shop.example.com}
                  - {name: https, port: 443, protocol: HTTPS, hostname: shop.example.com, tls: {certificateRefs: [{name: shop-tls}]}}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: redirect, namespace: a}
                spec:
                  parentRefs: [{name: gw, sectionName: http}]
                  rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: a}
                spec:
                  parentRefs: [{name: gw, sectionName: https}]
                  rules: [{backendRefs: [{name: web, port: 80}]}]
                """).tlsSecret("a", "shop-tls", "shop.example.com").service("a", "web", 80, 1).lint();
        assertThat(report.diagnostics()).noneMatch(d -> d.code().name().startsWith("GH7"));
    }
}
