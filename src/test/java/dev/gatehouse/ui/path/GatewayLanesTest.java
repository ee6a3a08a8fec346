package dev.gatehouse.ui.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.path.PathDiagram.Element;
import dev.gatehouse.ui.path.PathDiagram.Lane;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Path view of a Gateway: client → listener → HTTPRoute rule → Service → Pods, one lane per backendRef, the
 * legs from the engine (BackendTLSPolicy = verified re-encryption), diagnostics on the boxes they concern.
 */
class GatewayLanesTest {

    private static final TestCerts.Issued ROOT = TestCerts.cert("Lanes Root CA").ca().issue();
    private static final TestCerts.Issued LEAF = TestCerts.cert("*.example.com").dns("*.example.com")
            .issuedBy(ROOT).issue();
    private static final RoutingSnapshot SNAPSHOT = snapshot();
    private static final PathTarget.GatewayTarget EDGE = new PathTarget.GatewayTarget(
            new ObjectRef("Gateway", "infra", "edge"), List.of());

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String service(String name, int port, int ready) {
        StringBuilder endpoints = new StringBuilder();
        for (int i = 0; i < ready; i++) {
            endpoints.append("  - addresses: [\"10.0.1.").append(i + 1).append("\"]\n    conditions: {ready: true}\n");
        }
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s, namespace: apps}
                spec:
                  ports: [{name: http, port: %2$d, targetPort: 8080}]
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: %1$s-x, namespace: apps, labels: {kubernetes.io/service-name: %1$s}}
                addressType: IPv4
                ports: [{name: http, port: 8080}]
                endpoints:
                %3$s---
                """.formatted(name, port, endpoints.length() == 0 ? "  []\n" : endpoints);
    }

    private static RoutingSnapshot snapshot() {
        return snapshot("", "");
    }

    /**
     * @param gatewayTls lines of the Gateway's {@code spec.tls}, or empty
     * @param more       more objects (YAML documents, each ending with {@code ---})
     */
    private static RoutingSnapshot snapshot(String gatewayTls, String more) {
        String yaml = """
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
                    - {name: http, port: 80, protocol: HTTP, hostname: "*.example.com", allowedRoutes: {namespaces: {from: All}}}
                    - name: https
                      port: 443
                      protocol: HTTPS
                      hostname: "*.example.com"
                      tls: {mode: Terminate, certificateRefs: [{name: wildcard-tls}]}
                      allowedRoutes: {namespaces: {from: All}}
                %s
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: wildcard-tls, namespace: infra}
                type: kubernetes.io/tls
                data: {tls.crt: %s, tls.key: %s}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: to-https, namespace: infra}
                spec:
                  parentRefs: [{name: edge, sectionName: http}]
                  rules:
                    - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: search, namespace: apps}
                spec:
                  parentRefs: [{name: edge, namespace: infra, sectionName: https}]
                  hostnames: [search.example.com]
                  rules:
                    - backendRefs:
                        - {name: search-v1, port: 80, weight: 90}
                        - {name: search-v2, port: 80, weight: 10}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: vault, namespace: apps}
                spec:
                  parentRefs: [{name: edge, namespace: infra, sectionName: https}]
                  hostnames: [vault.example.com]
                  rules:
                    - matches: [{path: {type: PathPrefix, value: /secrets}, headers: [{name: X-Team, value: ops}]}]
                      backendRefs: [{name: vault, port: 8443}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: BackendTLSPolicy
                metadata: {name: vault, namespace: apps}
                spec:
                  targetRefs: [{group: "", kind: Service, name: vault}]
                  validation:
                    caCertificateRefs: [{group: "", kind: ConfigMap, name: vault-ca}]
                    hostname: vault.apps.svc
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: vault-ca, namespace: apps}
                data:
                  ca.crt: |
                %s
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: elsewhere, namespace: apps}
                spec:
                  parentRefs: [{name: edge, namespace: infra, sectionName: https}]
                  hostnames: [shop.other.org]
                  rules:
                    - backendRefs: [{name: search-v1, port: 80}]
                ---
                """.formatted(gatewayTls.isEmpty() ? "" : "  tls:\n" + gatewayTls.indent(4).stripTrailing(),
                b64(TestCerts.pem(LEAF.cert(), ROOT.cert())), b64(TestCerts.pem(LEAF.key())),
                TestCerts.pem(ROOT.cert()).indent(4).stripTrailing())
                + service("search-v1", 80, 2) + service("search-v2", 80, 1) + service("vault", 8443, 1) + more;
        var loaded = (LoadResult.Loaded) new YamlClusterLoader().parse(yaml, "lanes.yaml");
        return new RoutingEngine(loaded.view(), ControllerProfile.ingressNginx(),
                Clock.fixed(TestCerts.NOW, ZoneOffset.UTC), TrustAnchors.of(ROOT.cert())).snapshot();
    }

    private static PathDiagram draw(Optional<Explanation> explanation) {
        return new PathDiagramBuilder(SNAPSHOT, SNAPSHOT.diagnose()).build(EDGE, explanation);
    }

    private static Lane lane(PathDiagram d, String title) {
        return d.lanes().stream().filter(l -> l.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(title + " not in " + d.lanes().stream().map(Lane::title).toList()));
    }

    private static Explanation explain(String method, String url) {
        return SNAPSHOT.explain(((ProbeRequest.Valid) ProbeRequest.parse(method, url)).request());
    }

    @Test
    void theGatewayIsATargetOfThePicker() {
        List<PathTarget> targets = new PathDiagramBuilder(SNAPSHOT, SNAPSHOT.diagnose()).targets();
        assertThat(targets).filteredOn(t -> t instanceof PathTarget.GatewayTarget).extracting(PathTarget::label)
                .containsExactly("Gateway infra/edge  ·  *.example.com");
    }

    @Test
    void eachRuleIsALaneWithTheListenerTheRouteRuleTheServiceAndThePods() {
        PathDiagram d = draw(Optional.empty());

        assertThat(d.title()).isEqualTo("Gateway infra/edge");
        assertThat(d.lanes()).extracting(Lane::title).containsExactly("*.example.com  / (PathPrefix)",
                "search.example.com  / (PathPrefix)  · 90%", "search.example.com  / (PathPrefix)  · 10%",
                "vault.example.com  /secrets (PathPrefix) · header x-team: ops");
        Lane v1 = d.lanes().get(1);
        assertThat(v1.elements()).containsExactly(Element.CLIENT, Element.FRONT_LEG, Element.CONTROLLER, Element.ROUTE,
                Element.BACKEND_LEG, Element.SERVICE, Element.PODS_LEG, Element.PODS);
        assertThat(v1.subtitle()).isEqualTo("HTTPRoute apps/search, rules[0].matches[0], listener https");
        assertThat(v1.controller().title()).isEqualTo("Gateway edge");
        assertThat(v1.controller().subtitle()).isEqualTo("listener https\nHTTPS :443 · *.example.com");
        assertThat(v1.controller().status()).isEqualTo(Status.OK);
        assertThat(v1.controller().statusText()).endsWith("days left");
        assertThat(v1.front().protection()).isEqualTo(Leg.Protection.TLS);
        assertThat(v1.route().orElseThrow().title()).isEqualTo("HTTPRoute search");
        assertThat(v1.route().orElseThrow().statusText()).isEqualTo("attached");
        assertThat(v1.service().subtitle()).startsWith("apps/search-v1");
        assertThat(v1.service().details()).extracting(PathDiagram.Detail::value).contains("90 (90% of the requests)");
        assertThat(v1.backend().protection()).isEqualTo(Leg.Protection.PLAIN);
        assertThat(v1.pods().subtitle()).isEqualTo("2 of 2 ready");
    }

    @Test
    void theListenerBoxOfAnExactHostsLaneOffersProbeLiveForThatHost() {
        PathDiagram d = draw(Optional.empty());
        assertThat(PathSelection.describe(d.lanes().get(1), Element.CONTROLLER).probeHost())
                .contains("search.example.com");
        assertThat(PathSelection.describe(d.lanes().get(0), Element.CONTROLLER).probeHost())
                .as("a wildcard cannot be connected to").isEmpty();
        assertThat(PathSelection.describe(d.lanes().get(1), Element.SERVICE).probeHost()).isEmpty();
    }

    @Test
    void theRedirectRuleOfThePlainListenerEndsInARedirectBoxNotAService() {
        Lane redirect = draw(Optional.empty()).lanes().get(0);

        assertThat(redirect.subtitle()).isEqualTo("HTTPRoute infra/to-https, rules[0].matches[0], listener http");
        assertThat(redirect.controller().statusText()).isEqualTo("plain HTTP");
        assertThat(redirect.front().protection()).isEqualTo(Leg.Protection.PLAIN);
        assertThat(redirect.service().title()).isEqualTo("Redirect");
        assertThat(redirect.service().statusText()).isEqualTo("301");
        assertThat(redirect.service().details()).extracting(PathDiagram.Detail::value)
                .contains("https://example.example.com/");
    }

    @Test
    void aBackendTlsPolicyIsDrawnAsAVerifiedReEncryption() {
        Lane vault = lane(draw(Optional.empty()), "vault.example.com  /secrets (PathPrefix) · header x-team: ops");

        assertThat(vault.backend().protection()).isEqualTo(Leg.Protection.REENCRYPTED_VERIFIED);
        assertThat(vault.backend().detail()).contains("BackendTLSPolicy apps/vault", "vault.apps.svc");
        assertThat(vault.service().details()).extracting(PathDiagram.Detail::value).contains("apps/vault");
        assertThat(vault.client().subtitle()).isEqualTo("https://vault.example.com/secrets");
    }

    @Test
    void aRouteAttachedNowhereIsSaidAboveTheLanesWithItsReason() {
        PathDiagram d = draw(Optional.empty());

        assertThat(d.lanes()).noneMatch(l -> l.subtitle().contains("apps/elsewhere"));
        assertThat(d.unplaced()).extracting(Diagnostic::object).contains(new ObjectRef("HTTPRoute", "apps", "elsewhere"));
        assertThat(d.unplaced()).filteredOn(x -> x.object().name().equals("elsewhere")).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("NoMatchingListenerHostname") || m.contains("hostname"));
    }

    @Test
    void anExplainedRequestLightsUpTheLaneOfTheRuleAndBackendItTook() {
        Explanation e = explain("GET", "https://search.example.com/");
        assertThat(PathDiagramBuilder.targetOf(e, new PathDiagramBuilder(SNAPSHOT, SNAPSHOT.diagnose()).targets()))
                .map(PathTarget::key).contains(EDGE.key());

        PathDiagram d = draw(Optional.of(e));

        Lane lit = d.highlighted().orElseThrow();
        assertThat(lit.title()).startsWith("search.example.com");
        assertThat(lit.note()).hasValueSatisfying(n -> assertThat(n).startsWith("This request: 200 · "));
        assertThat(d.lanes()).filteredOn(Lane::highlighted).hasSize(1);
    }

    @Test
    void aRequestTheRulesDoNotMatchLightsUpNothing() {
        PathDiagram d = draw(Optional.of(explain("GET", "https://vault.example.com/other")));

        assertThat(d.highlighted()).isEmpty();
    }

    @Test
    void aValidatingListenerAndTheGatewaysClientCertificateMakeTheLanesMutual() {
        RoutingSnapshot snapshot = snapshot("""
                frontend:
                  default:
                    validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: vault-ca, namespace: apps}]}
                backend: {clientCertificateRef: {name: wildcard-tls}}""", """
                apiVersion: gateway.networking.k8s.io/v1
                kind: ReferenceGrant
                metadata: {name: gateways, namespace: apps}
                spec:
                  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}]
                  to: [{group: "", kind: ConfigMap}]
                ---
                """);
        PathDiagram d = new PathDiagramBuilder(snapshot, snapshot.diagnose()).build(EDGE, Optional.empty());
        Lane vault = lane(d, "vault.example.com  /secrets (PathPrefix) · header x-team: ops");
        assertThat(vault.backend().protection()).isEqualTo(Leg.Protection.MUTUAL_TLS);
        assertThat(vault.backend().detail()).contains("the Gateway presents its client certificate (Secret"
                + " infra/wildcard-tls)");
        assertThat(vault.front().protection()).as("a sampled client with a valid certificate")
                .isEqualTo(Leg.Protection.MUTUAL_TLS);
        assertThat(snapshot.diagnose().diagnostics()).noneMatch(x -> x.code().name().compareTo("GH720") >= 0
                && x.code().name().compareTo("GH726") <= 0);
    }
}
