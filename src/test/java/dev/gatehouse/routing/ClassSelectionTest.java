package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ControllerProfile;
import org.junit.jupiter.api.Test;

class ClassSelectionTest {

    private static final String NGINX_CLASS = """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: nginx}
            spec: {controller: k8s.io/ingress-nginx}
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: traefik}
            spec: {controller: traefik.io/ingress-controller}
            """;

    private static String ingress(String classLine, String annotations) {
        return """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                %s
                spec:
                %s
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                """.formatted(annotations, classLine);
    }

    private static Outcome outcome(String yaml) {
        return new Fixture().yaml(yaml).service("shop", "web", 80, 1).explain("http://shop.example.com/")
                .decision().outcome();
    }

    @Test
    void ingressClassNameOfIngressNginxIsHandled() {
        assertThat(outcome(NGINX_CLASS + ingress("  ingressClassName: nginx", ""))).isEqualTo(Outcome.ROUTED);
    }

    @Test
    void anotherControllersClassIsIgnoredWithTheReasonInTheTrace() {
        Explanation e = new Fixture().yaml(NGINX_CLASS + ingress("  ingressClassName: traefik", ""))
                .explain("http://shop.example.com/");

        assertThat(e.decision().outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(e.trace()).anySatisfy(s -> {
            assertThat(s.verdict()).isEqualTo(TraceStep.Verdict.IGNORED);
            assertThat(s.reason()).contains("belongs to another controller (traefik.io/ingress-controller)");
        });
    }

    @Test
    void unknownClassIsNotServed() {
        assertThat(outcome(NGINX_CLASS + ingress("  ingressClassName: nginx-internal", "")))
                .isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void legacyAnnotationSelectsIngressNginx() {
        assertThat(outcome(NGINX_CLASS + ingress("", "  annotations: {kubernetes.io/ingress.class: nginx}")))
                .isEqualTo(Outcome.ROUTED);
        assertThat(outcome(NGINX_CLASS + ingress("", "  annotations: {kubernetes.io/ingress.class: traefik}")))
                .isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void withoutClassTheDefaultIngressClassDecides() {
        String defaultNginx = """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: nginx
                  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
                spec: {controller: k8s.io/ingress-nginx}
                """;
        assertThat(outcome(defaultNginx + ingress("", ""))).isEqualTo(Outcome.ROUTED);
        assertThat(outcome(NGINX_CLASS + ingress("", ""))).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void watchIngressWithoutClassFlagAcceptsClasslessIngresses() {
        Explanation e = new Fixture().yaml(NGINX_CLASS + ingress("", "")).service("shop", "web", 80, 1)
                .profile(ControllerProfile.ingressNginx().withWatchIngressWithoutClass(true))
                .explain("http://shop.example.com/");

        assertThat(e.decision().outcome()).isEqualTo(Outcome.ROUTED);
    }

    @Test
    void withoutIngressClassObjectsTheNginxClassIsAssumed() {
        assertThat(outcome(ingress("  ingressClassName: nginx", ""))).isEqualTo(Outcome.ROUTED);
        assertThat(outcome(ingress("  ingressClassName: traefik", ""))).isEqualTo(Outcome.NOT_FOUND);
        assertThat(outcome(ingress("", ""))).as("no class: nginx assumed to be the default")
                .isEqualTo(Outcome.ROUTED);
    }
}
