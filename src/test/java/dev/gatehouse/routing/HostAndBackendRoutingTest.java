package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostMatch;
import org.junit.jupiter.api.Test;

class HostAndBackendRoutingTest {

    private static String service(Explanation e) {
        return e.backend().flatMap(b -> b.service()).map(ObjectRef::name).orElse("(none)");
    }

    @Test
    void wildcardHostCoversExactlyOneLabel() {
        Fixture f = new Fixture()
                .yaml(Fixture.ingress("shop", "wild", "*.example.com", "/:Prefix:wild:80"))
                .service("shop", "wild", 80, 1);

        Explanation one = f.explain("http://bar.example.com/");
        assertThat(one.decision().outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(one.route()).get().extracting(RouteMatch::hostMatch).isEqualTo(HostMatch.WILDCARD);

        Explanation two = f.explain("http://baz.bar.example.com/");
        assertThat(two.decision().status()).isEqualTo(404);
        assertThat(two.trace()).anySatisfy(step -> {
            assertThat(step.verdict()).isEqualTo(TraceStep.Verdict.LOST);
            assertThat(step.subject()).isEqualTo("*.example.com");
            assertThat(step.reason()).contains("exactly one label");
        });
        assertThat(f.explain("http://example.com/").decision().status()).isEqualTo(404);
    }

    @Test
    void exactHostBeatsWildcardAndNoHostIsEveryHost() {
        Fixture f = new Fixture()
                .yaml(Fixture.ingress("shop", "wild", "*.example.com", "/:Prefix:wild:80"))
                .yaml("---\n" + Fixture.ingress("shop", "exact", "shop.example.com", "/:Prefix:exact:80"))
                .yaml("---\n" + Fixture.ingress("shop", "any", "", "/:Prefix:any:80"))
                .service("shop", "wild", 80, 1).service("shop", "exact", 80, 1).service("shop", "any", 80, 1);

        Explanation exact = f.explain("http://shop.example.com/x");
        assertThat(service(exact)).isEqualTo("exact");
        assertThat(exact.trace()).anySatisfy(s -> assertThat(s.reason())
                .isEqualTo("an exact host is more specific than a wildcard"));
        assertThat(service(f.explain("http://other.example.com/x"))).isEqualTo("wild");
        assertThat(service(f.explain("http://anything.test/x"))).isEqualTo("any");
    }

    @Test
    void hostMatchingIgnoresCaseAndPort() {
        Fixture f = new Fixture()
                .yaml(Fixture.ingress("shop", "web", "shop.example.com", "/:Prefix:web:80"))
                .service("shop", "web", 80, 2);

        Explanation e = f.explain("http://SHOP.Example.COM:8080/cart");

        assertThat(e.request().host()).isEqualTo("shop.example.com");
        assertThat(e.request().port()).isEqualTo(8080);
        assertThat(e.decision().outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(e.decision().summary()).isEqualTo("Routed to Service shop/web port 80");
    }

    @Test
    void anExactHostWithoutMatchingPathDoesNotFallBackToRulesWithoutHost() {
        Fixture f = new Fixture()
                .yaml(Fixture.ingress("shop", "web", "shop.example.com", "/api:Prefix:web:80"))
                .yaml("---\n" + Fixture.ingress("shop", "any", "", "/:Prefix:any:80"))
                .service("shop", "web", 80, 1).service("shop", "any", 80, 1);

        Explanation e = f.explain("http://shop.example.com/other");

        assertThat(e.decision().outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(e.trace()).anySatisfy(s -> assertThat(s.reason()).contains("does not fall back"));
    }

    @Test
    void specDefaultBackendAnswersUnmatchedPathsOfItsHosts() {
        Fixture f = new Fixture().yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  ingressClassName: nginx
                  defaultBackend: {service: {name: fallback, port: {number: 80}}}
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
                """).service("shop", "fallback", 80, 1).service("shop", "api", 80, 1);

        Explanation e = f.explain("http://shop.example.com/nothing-here");

        assertThat(e.decision().outcome()).isEqualTo(Outcome.DEFAULT_BACKEND);
        assertThat(e.decision().status()).isEqualTo(200);
        assertThat(service(e)).isEqualTo("fallback");
        assertThat(e.route()).get().extracting(RouteMatch::defaultBackend).isEqualTo(true);
    }

    @Test
    void ingressWithOnlyADefaultBackendIsTheCatchAll() {
        Fixture f = new Fixture().yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: catch-all, namespace: web}
                spec:
                  ingressClassName: nginx
                  defaultBackend: {service: {name: landing, port: {number: 8080}}}
                """).service("web", "landing", 8080, 1);

        Explanation e = f.explain("http://unknown.test/");

        assertThat(e.decision().outcome()).isEqualTo(Outcome.DEFAULT_BACKEND);
        assertThat(service(e)).isEqualTo("landing");
    }

    @Test
    void nothingMatchesGives404FromTheControllersDefaultBackend() {
        Explanation e = new Fixture().yaml(Fixture.ingress("shop", "web", "shop.example.com", "/:Prefix:web:80"))
                .explain("http://elsewhere.test/");

        assertThat(e.decision().status()).isEqualTo(404);
        assertThat(e.leg(Leg.Kind.CONTROLLER_TO_SERVICE)).get().extracting(Leg::protection)
                .isEqualTo(Leg.Protection.NONE);
    }

    @Test
    void missingServicePortOrEndpointsGive503() {
        Fixture f = new Fixture()
                .yaml(Fixture.ingress("shop", "web", "a.example.com", "/:Prefix:absent:80"))
                .yaml("---\n" + Fixture.ingress("shop", "port", "b.example.com", "/:Prefix:web:81"))
                .yaml("---\n" + Fixture.ingress("shop", "down", "c.example.com", "/:Prefix:down:80"))
                .service("shop", "web", 80, 1).service("shop", "down", 80, "http", 0, 2);

        assertThat(f.explain("http://a.example.com/").decision().summary())
                .isEqualTo("ingress-nginx answers 503: Service shop/absent does not exist");
        assertThat(f.explain("http://b.example.com/").decision().summary())
                .isEqualTo("ingress-nginx answers 503: Service shop/web has no port 81 (it has 80 (http))");
        Explanation down = f.explain("http://c.example.com/");
        assertThat(down.decision().status()).isEqualTo(503);
        assertThat(down.decision().summary()).endsWith("has 2 endpoints, none ready");
    }

    @Test
    void servicePortByName() {
        Fixture f = new Fixture().yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
                """).service("shop", "web", 80, 3);

        Explanation e = f.explain("http://shop.example.com/");

        assertThat(e.backend()).get().satisfies(b -> {
            assertThat(b.servicePort()).contains(80);
            assertThat(b.readyEndpoints()).isEqualTo(3);
        });
        assertThat(e.leg(Leg.Kind.SERVICE_TO_PODS)).get().extracting(Leg::detail)
                .isEqualTo("3 ready endpoints behind Service shop/web port http");
    }

    @Test
    void rulesOfSeveralIngressesMergePerHostAndTheOlderWinsAConflict() {
        Fixture f = new Fixture().yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: newer, namespace: shop, creationTimestamp: "2026-03-01T00:00:00Z"}
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /api, pathType: Prefix, backend: {service: {name: newer, port: {number: 80}}}}
                      - {path: /cart, pathType: Prefix, backend: {service: {name: cart, port: {number: 80}}}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: older, namespace: shop, creationTimestamp: "2025-01-01T00:00:00Z"}
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /api, pathType: Prefix, backend: {service: {name: older, port: {number: 80}}}}
                """).service("shop", "newer", 80, 1).service("shop", "older", 80, 1).service("shop", "cart", 80, 1);

        Explanation api = f.explain("http://shop.example.com/api/orders");
        assertThat(service(api)).isEqualTo("older");
        assertThat(api.trace()).anySatisfy(s -> {
            assertThat(s.verdict()).isEqualTo(TraceStep.Verdict.IGNORED);
            assertThat(s.subject()).isEqualTo("/api (Prefix) in Ingress shop/newer");
            assertThat(s.reason()).contains("Ingress shop/older").contains("it is older");
        });
        assertThat(service(f.explain("http://shop.example.com/cart"))).isEqualTo("cart");
    }
}
