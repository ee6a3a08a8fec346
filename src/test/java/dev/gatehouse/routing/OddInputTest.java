package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Objects the API server would never return still give answers, not exceptions: each odd field gets
 * the diagnostic that names it, and requests still get a decision.
 */
class OddInputTest {
    private static final ObjectRef ODD = ObjectRef.ingress("x", "odd");

    private RoutingEngine engine;
    private List<Diagnostic> diagnostics;

    @BeforeEach
    void lint() {
        List<HasMetadata> objects = List.of(
                new IngressBuilder().build(),
                new IngressBuilder().withNewMetadata().withName("empty").endMetadata().withNewSpec().endSpec().build(),
                new IngressBuilder().withNewMetadata().withName("odd").withNamespace("x")
                        .withAnnotations(Map.of("nginx.ingress.kubernetes.io/use-regex", "true",
                                "nginx.ingress.kubernetes.io/backend-protocol", "HTTPS",
                                "nginx.ingress.kubernetes.io/auth-tls-secret", "x/ca"))
                        .endMetadata().withNewSpec().withIngressClassName("nginx")
                        .addNewTl().withSecretName("s").endTl()
                        .addNewTl().endTl()
                        .addNewRule().withHost("a.example.com").endRule()
                        .addNewRule().withHost("a.example.com").withNewHttp().addNewPath().withPath("/(unclosed")
                        .withPathType("ImplementationSpecific").endPath().addNewPath().endPath().endHttp().endRule()
                        .addNewRule().endRule()
                        .endSpec().build(),
                new IngressClassBuilder().build(),
                new IngressClassBuilder().withNewMetadata().withName("nginx").endMetadata().withNewSpec()
                        .withController("k8s.io/ingress-nginx").endSpec().build(),
                new SecretBuilder().withNewMetadata().withName("s").withNamespace("x").endMetadata()
                        .withData(Map.of("tls.crt", "%%%not base64", "tls.key", "")).build(),
                new SecretBuilder().withNewMetadata().withName("ca").withNamespace("x").endMetadata().build(),
                new ServiceBuilder().withNewMetadata().withName("svc").withNamespace("x").endMetadata().build());
        engine = new RoutingEngine(InMemoryClusterView.complete(objects),
                ControllerProfile.ingressNginx(), Fixture.CLOCK, TrustAnchors.none());
        diagnostics = engine.diagnose().diagnostics();
    }

    @Test
    void everyOddObjectGetsTheDiagnosticThatNamesItsProblem() {
        assertThat(diagnostics).extracting(d -> d.code().name() + " " + d.object()).containsExactlyInAnyOrder(
                "GH502 Ingress default/", "GH502 Ingress default/empty",
                "GH208 Ingress x/odd", "GH302 Ingress x/odd", "GH303 Ingress x/odd", "GH603 Ingress x/odd",
                "GH202 Ingress x/odd", "GH404 Ingress x/odd", "GH601 Ingress x/odd",
                "GH103 Secret x/s", "GH102 Secret x/s");
        assertThat(only(DiagnosticCode.GH502, ObjectRef.ingress("default", "empty")).message()).isEqualTo(
                "This Ingress has no class and no IngressClass is marked default, so no controller serves it");
    }

    @Test
    void aTlsEntryWithoutSecretNameSaysTheDefaultCertificateIsServed() {
        Diagnostic d = only(DiagnosticCode.GH208, ODD);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.message()).isEqualTo("The tls entry for all hosts has no secretName, so ingress-nginx serves its"
                + " default certificate for it");
    }

    @Test
    void aPathWithoutPathTypeOrBackendIsNamedByRuleAndHost() {
        assertThat(only(DiagnosticCode.GH302, ODD).message()).isEqualTo(
                "Path / (rule 2, a.example.com) has no pathType; the networking.k8s.io/v1 API rejects it");
        // Names the path; the rest of today's sentence is garbled ("… is the path has no backend"): see the
        // arch report. Only one GH404 is raised although both paths of rule 2 have no backend.
        assertThat(only(DiagnosticCode.GH404, ODD).message()).startsWith("The backend of the path a.example.com/(unclosed");
    }

    @Test
    void anInvalidRegexWithUseRegexIsReported() {
        assertThat(only(DiagnosticCode.GH303, ODD).message()).isEqualTo(
                "Path /(unclosed of a.example.com is not a valid regular expression, and use-regex is on for this host");
    }

    @Test
    void unreadableSecretsSayWhichKeyIsMissing() {
        assertThat(only(DiagnosticCode.GH103, ObjectRef.secret("x", "s")).message()).isEqualTo(
                "The Secret has no tls.key, so ingress-nginx cannot use it and serves its default certificate");
        assertThat(only(DiagnosticCode.GH102, ObjectRef.secret("x", "s")).message()).isEqualTo(
                "The Secret is of type (none), not kubernetes.io/tls; ingress-nginx reads it, but other tools and"
                        + " controllers may not");
        assertThat(only(DiagnosticCode.GH603, ODD).message()).isEqualTo("The client-certificate CA Secret x/ca has no"
                + " readable ca.crt, so ingress-nginx denies requests to this Ingress's hosts");
    }

    @Test
    void requestsToOddObjectsStillGetADecision() {
        Decision regex = engine.explain(Fixture.request("https://a.example.com/(unclosed")).decision();
        assertThat(regex.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(regex.summary()).isEqualTo("ingress-nginx answers 503: the client-certificate CA Secret x/ca cannot be used");

        Decision plain = engine.explain(Fixture.request("http://a.example.com/")).decision();
        assertThat(plain.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(plain.redirectTo()).contains("https://a.example.com/");

        Explanation unknown = engine.explain(Fixture.request("https://b.test/"));
        assertThat(unknown.decision().outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(unknown.certificate()).get().isInstanceOf(ServedCertificate.ControllerDefault.class);
    }

    @Test
    void badUrlsAreTypedResults() {
        assertThat(invalid("GET", "ftp://x/")).isEqualTo("The scheme must be http or https, not \"ftp\"");
        assertThat(invalid("G ET", "http://x/")).isEqualTo("\"G ET\" is not an HTTP method");
        assertThat(invalid("GET", "http://exa mple.com/"))
                .isEqualTo("\"http://exa mple.com/\" is not a valid URL: Illegal character in authority");
        assertThat(invalid("GET", "")).isEqualTo("Give a URL such as https://shop.example.com/path");
        assertThat(invalid("GET", "shop.example.com"))
                .isEqualTo("\"shop.example.com\" has no scheme; write http://shop.example.com or https://shop.example.com");
        assertThat(invalid("GET", "http:///p")).isEqualTo("\"http:///p\" has no host name");
        assertThat(ProbeRequest.parse(null, "https://x.test")).isInstanceOfSatisfying(ProbeRequest.Valid.class, v -> {
            assertThat(v.request().method()).isEqualTo("GET");
            assertThat(v.request().path()).isEqualTo("/");
        });
    }

    private Diagnostic only(DiagnosticCode code, ObjectRef object) {
        List<Diagnostic> found = diagnostics.stream().filter(d -> d.code() == code && d.object().equals(object)).toList();
        assertThat(found).as("%s on %s in %s", code, object, diagnostics).hasSize(1);
        return found.get(0);
    }

    private static String invalid(String method, String url) {
        ProbeRequest.Parsed parsed = ProbeRequest.parse(method, url);
        assertThat(parsed).as("%s %s", method, url).isInstanceOf(ProbeRequest.Invalid.class);
        return ((ProbeRequest.Invalid) parsed).message();
    }
}
