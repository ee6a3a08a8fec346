package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Objects the API server would never return still give answers, not exceptions. */
class OddInputTest {

    @Test
    void degenerateObjectsNeitherBreakExplainNorLint() {
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
        RoutingEngine engine = new RoutingEngine(InMemoryClusterView.complete(objects),
                ControllerProfile.ingressNginx(), Fixture.CLOCK, TrustAnchors.none());

        for (String url : List.of("https://a.example.com/(unclosed", "http://a.example.com/", "https://b.test/")) {
            assertThatCode(() -> engine.explain(Fixture.request(url))).as(url).doesNotThrowAnyException();
        }
        assertThat(engine.diagnose().diagnostics()).isNotEmpty();
    }

    @Test
    void badUrlsAreTypedResults() {
        assertThat(ProbeRequest.parse("GET", "ftp://x/")).isInstanceOfSatisfying(ProbeRequest.Invalid.class,
                i -> assertThat(i.message()).isEqualTo("The scheme must be http or https, not \"ftp\""));
        assertThat(ProbeRequest.parse("G ET", "http://x/")).isInstanceOf(ProbeRequest.Invalid.class);
        assertThat(ProbeRequest.parse("GET", "http://exa mple.com/")).isInstanceOf(ProbeRequest.Invalid.class);
        assertThat(ProbeRequest.parse("GET", "")).isInstanceOf(ProbeRequest.Invalid.class);
        assertThat(ProbeRequest.parse(null, "https://x.test")).isInstanceOfSatisfying(ProbeRequest.Valid.class, v -> {
            assertThat(v.request().method()).isEqualTo("GET");
            assertThat(v.request().path()).isEqualTo("/");
        });
    }
}
