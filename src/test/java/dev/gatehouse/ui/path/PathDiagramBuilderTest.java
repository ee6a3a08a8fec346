package dev.gatehouse.ui.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.tls.PemReader;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.path.PathDiagram.Lane;
import dev.gatehouse.ui.path.PathDiagram.LaneKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lanes, legs, boxes and badges the path view draws, from YAML fixtures (no window needed). */
class PathDiagramBuilderTest {

    private static final YamlClusterLoader LOADER = new YamlClusterLoader();

    private static RoutingSnapshot snapshot(ClusterView view) throws Exception {
        String root = Files.readString(fixture("root-ca.pem"));
        TrustAnchors anchors = new TrustAnchors(new PemReader().read(root, "root-ca.pem").chain());
        return new RoutingEngine(view, ControllerProfile.ingressNginx(), Clock.fixed(TestCerts.NOW, ZoneOffset.UTC),
                anchors).snapshot();
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(PathDiagramBuilderTest.class.getResource("/fixtures/" + name).toURI());
    }

    private static RoutingSnapshot files(String name) throws Exception {
        return snapshot(((LoadResult.Loaded) LOADER.load(List.of(fixture(name)))).view());
    }

    private static RoutingSnapshot yaml(String text) throws Exception {
        return snapshot(((LoadResult.Loaded) LOADER.parse(text, "test.yaml")).view());
    }

    private static PathDiagram draw(RoutingSnapshot s, PathTarget target) {
        return new PathDiagramBuilder(s, s.diagnose()).build(target, Optional.empty());
    }

    private static PathTarget.IngressTarget ingress(String namespace, String name) {
        return new PathTarget.IngressTarget(ObjectRef.ingress(namespace, name), List.of());
    }

    @Test
    void healthyIngressHasALanePerPathWithTlsInFrontAndPlainHttpBehind() throws Exception {
        RoutingSnapshot s = files("shop");
        PathDiagram d = draw(s, ingress("shop", "web"));

        assertThat(d.title()).isEqualTo("Ingress shop/web");
        assertThat(d.lanes()).extracting(Lane::title).containsExactly("shop.example.com  / (Prefix)",
                "shop.example.com  /api (Prefix)", "www.shop.example.com  / (Prefix)");
        Lane api = d.lanes().get(1);
        assertThat(api.front().protection()).isEqualTo(Leg.Protection.TLS);
        assertThat(api.backend().protection()).isEqualTo(Leg.Protection.PLAIN);
        assertThat(api.backend().label()).isEqualTo("HTTP · unencrypted");
        assertThat(api.controller().status()).isEqualTo(Status.OK);
        assertThat(api.controller().statusText()).endsWith("days left");
        assertThat(api.controller().details()).extracting(PathDiagram.Detail::label)
                .contains("Certificate", "Valid until", "Plain HTTP");
        assertThat(api.service().subtitle()).isEqualTo("shop/api\nport http (8080)");
        assertThat(api.pods().subtitle()).isEqualTo("1 of 1 ready");
        assertThat(d.lanes()).allSatisfy(l -> assertThat(l.controller().diagnostics()).isEmpty());
        assertThat(d.unplaced()).isEmpty();
    }

    @Test
    void problemsBecomeBadgesOnTheBoxTheyConcern() throws Exception {
        RoutingSnapshot s = files("problems");
        PathDiagram d = draw(s, ingress("legacy", "legacy"));

        Lane legacy = d.lanes().stream().filter(l -> l.title().startsWith("legacy.example.com")).findFirst().orElseThrow();
        Lane admin = d.lanes().stream().filter(l -> l.title().startsWith("admin.example.com")).findFirst().orElseThrow();
        assertThat(legacy.backend().protection()).isEqualTo(Leg.Protection.REENCRYPTED_UNVERIFIED);
        assertThat(codes(legacy.service().diagnostics())).contains(DiagnosticCode.GH601);
        assertThat(codes(legacy.pods().diagnostics())).containsExactly(DiagnosticCode.GH403);
        assertThat(codes(legacy.controller().diagnostics())).contains(DiagnosticCode.GH105, DiagnosticCode.GH206)
                .doesNotContain(DiagnosticCode.GH101);
        assertThat(legacy.front().protection()).as("expired certificate").isEqualTo(Leg.Protection.TLS_PROBLEM);
        assertThat(legacy.controller().statusText()).isEqualTo("expired");
        assertThat(legacy.controller().details()).filteredOn(x -> x.label().equals("Plain HTTP")).singleElement()
                .satisfies(x -> assertThat(x.value()).as("ssl-redirect off: no 308").startsWith("ingress-nginx answers 503"));
        assertThat(codes(admin.controller().diagnostics())).contains(DiagnosticCode.GH101)
                .doesNotContain(DiagnosticCode.GH105);
        assertThat(codes(admin.service().diagnostics())).contains(DiagnosticCode.GH401);
        assertThat(admin.service().status()).isEqualTo(Status.ERROR);
        assertThat(admin.pods().status()).isEqualTo(Status.UNKNOWN);
    }

    private static final String MERGED = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: old, namespace: web, creationTimestamp: "2025-01-01T00:00:00Z"}
            spec:
              ingressClassName: nginx
              defaultBackend: {service: {name: fallback, port: {number: 80}}}
              rules:
              - host: a.example.com
                http:
                  paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: api-old, port: {number: 80}}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: new, namespace: web, creationTimestamp: "2026-01-01T00:00:00Z"}
            spec:
              ingressClassName: nginx
              rules:
              - host: a.example.com
                http:
                  paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: api-new, port: {number: 80}}}}
                  - {path: /shop, pathType: Exact, backend: {service: {name: shop, port: {number: 80}}}}
              - host: "*.apps.example.com"
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: apps, port: {number: 80}}}}
            """;

    @Test
    void aHostMergesTheIngressesAndShowsTheShadowedPathAndTheDefaultBackend() throws Exception {
        RoutingSnapshot s = yaml(MERGED);
        PathDiagramBuilder builder = new PathDiagramBuilder(s, s.diagnose());

        assertThat(builder.targets()).extracting(PathTarget::label).containsExactly(
                "Ingress web/new  ·  a.example.com, *.apps.example.com", "Ingress web/old  ·  a.example.com",
                "Host *.apps.example.com", "Host a.example.com");
        PathDiagram host = builder.build(new PathTarget.HostTarget("a.example.com"), Optional.empty());
        assertThat(host.lanes()).extracting(Lane::kind, Lane::subtitle).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LaneKind.PATH, "Ingress web/old, rule 1, path 1"),
                org.assertj.core.groups.Tuple.tuple(LaneKind.PATH, "Ingress web/new, rule 1, path 2"),
                org.assertj.core.groups.Tuple.tuple(LaneKind.SHADOWED, "Ingress web/new, rule 1, path 1"),
                org.assertj.core.groups.Tuple.tuple(LaneKind.DEFAULT_BACKEND, "Ingress web/old, spec.defaultBackend"));
        assertThat(host.lanes().get(2).note()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("Not used: Ingress web/old has the same host and path"));
        assertThat(codes(host.lanes().get(2).controller().diagnostics())).contains(DiagnosticCode.GH301);

        PathDiagram wildcard = builder.build(new PathTarget.HostTarget("*.apps.example.com"), Optional.empty());
        assertThat(wildcard.lanes()).singleElement().satisfies(l -> {
            assertThat(l.client().subtitle()).isEqualTo("http://example.apps.example.com/");
            assertThat(l.front().protection()).isEqualTo(Leg.Protection.PLAIN);
        });
    }

    @Test
    void anExplainedRequestLightsUpItsLaneWithTheRequestsLegs() throws Exception {
        RoutingSnapshot s = files("shop");
        ProbeRequest request = ((ProbeRequest.Valid) ProbeRequest.parse("GET", "https://shop.example.com/api/orders"))
                .request().withSni(Optional.empty());
        Explanation e = s.explain(request);
        PathDiagramBuilder builder = new PathDiagramBuilder(s, s.diagnose());

        PathDiagram d = builder.build(ingress("shop", "web"), Optional.of(e));

        assertThat(d.lanes()).extracting(Lane::highlighted).containsExactly(false, true, false);
        Lane api = d.highlighted().orElseThrow();
        assertThat(api.title()).isEqualTo("shop.example.com  /api (Prefix)");
        assertThat(api.front().protection()).as("no SNI: the fake certificate").isEqualTo(Leg.Protection.TLS_PROBLEM);
        assertThat(api.controller().statusText()).isEqualTo("fake certificate");
        assertThat(api.note()).hasValue("This request: 200 · Routed to Service shop/api port http");
        assertThat(d.lanes().get(0).front().protection()).isEqualTo(Leg.Protection.TLS);
        assertThat(PathDiagramBuilder.targetOf(e, builder.targets()))
                .hasValue(new PathTarget.IngressTarget(ObjectRef.ingress("shop", "web"),
                        List.of("shop.example.com", "www.shop.example.com")));
    }

    @Test
    void aPlainHttpRequestToATlsHostIsRedirectedAndTheControllerStillShowsTheCertificate() throws Exception {
        RoutingSnapshot s = files("shop");
        Explanation e = s.explain(((ProbeRequest.Valid) ProbeRequest.parse("POST", "http://www.shop.example.com/"))
                .request());

        Lane www = new PathDiagramBuilder(s, s.diagnose()).build(ingress("shop", "web"), Optional.of(e))
                .highlighted().orElseThrow();

        assertThat(www.title()).isEqualTo("www.shop.example.com  / (Prefix)");
        assertThat(www.front().protection()).isEqualTo(Leg.Protection.PLAIN);
        assertThat(www.client().subtitle()).isEqualTo("POST http://www.shop.example.com/");
        assertThat(www.note()).hasValueSatisfying(n -> assertThat(n).startsWith("This request: 308 · Redirected to"
                + " https://www.shop.example.com/"));
        assertThat(www.controller().status()).isEqualTo(Status.OK);
        assertThat(www.controller().details()).filteredOn(d -> d.label().equals("Plain HTTP")).singleElement()
                .satisfies(d -> assertThat(d.value()).startsWith("Redirected to https://www.shop.example.com/"));
    }

    @Test
    void rulesWithoutHostAndACatchAllDefaultBackendAreTheAnyHostTarget() throws Exception {
        RoutingSnapshot s = yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: catch-all, namespace: web, creationTimestamp: "2025-01-01T00:00:00Z"}
                spec:
                  ingressClassName: nginx
                  defaultBackend: {service: {name: fallback, port: {number: 80}}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: hostless, namespace: web, creationTimestamp: "2025-02-01T00:00:00Z"}
                spec:
                  ingressClassName: nginx
                  rules:
                  - http:
                      paths:
                      - {path: /status, pathType: Exact, backend: {service: {name: status, port: {number: 80}}}}
                """);
        PathDiagramBuilder builder = new PathDiagramBuilder(s, s.diagnose());

        assertThat(builder.targets()).extracting(PathTarget::label).endsWith("Host (any host)");
        PathDiagram any = builder.build(new PathTarget.HostTarget(""), Optional.empty());
        assertThat(any.lanes()).extracting(Lane::title).containsExactly("(any host)  /status (Exact)",
                "(any host)  default backend (no path matched)");
        assertThat(any.lanes().get(0).client().subtitle()).isEqualTo("http://any-host.invalid/status");
        assertThat(any.lanes().get(1).subtitle()).isEqualTo("Ingress web/catch-all, spec.defaultBackend");
        assertThat(draw(s, ingress("web", "catch-all")).lanes()).hasSize(1);
    }

    @Test
    void anIngressOfAnotherControllerSaysSoInsteadOfDrawingLanes() throws Exception {
        RoutingSnapshot s = yaml("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: traefik}
                spec: {controller: traefik.io/ingress-controller}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: other, namespace: web}
                spec:
                  ingressClassName: traefik
                  rules:
                  - host: t.example.com
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: t, port: {number: 80}}}}
                """);

        PathDiagram d = draw(s, ingress("web", "other"));

        assertThat(d.lanes()).isEmpty();
        assertThat(d.notice()).hasValueSatisfying(n -> assertThat(n).startsWith("ingress-nginx does not handle"));
        assertThat(codes(d.unplaced())).contains(DiagnosticCode.GH503);
        assertThat(draw(s, ingress("web", "gone")).notice()).hasValue("Ingress web/gone no longer exists.");
    }

    private static List<DiagnosticCode> codes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::code).toList();
    }
}
