package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.Test;

class DraftOverlayTest {

    private final ClusterView base = new Fixture()
            .yaml(Fixture.ingress("shop", "web", "shop.example.com", "/:Prefix:web:80"))
            .yaml("---\n" + Fixture.ingress("shop", "api", "api.example.com", "/:Prefix:api:80"))
            .service("shop", "web", 80, 1).service("shop", "v2", 80, 1)
            .view();

    private static Ingress draft(String name, String service) {
        return new IngressBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withIngressClassName("nginx").addNewRule().withHost("shop.example.com").withNewHttp()
                .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName(service)
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath().endHttp().endRule()
                .endSpec().build();
    }

    @Test
    void aDraftReplacesTheIngressOfTheSameNameInPlace() {
        DraftOverlay overlay = DraftOverlay.over(base).with(draft("web", "v2"));

        assertThat(overlay.ingresses()).extracting(ObjectRef::nameOf).containsExactly("web", "api");
        Explanation e = new RoutingEngine(overlay, ControllerProfile.ingressNginx(), Fixture.CLOCK,
                dev.gatehouse.tls.TrustAnchors.none()).explain(Fixture.request("http://shop.example.com/"));
        assertThat(e.backend().flatMap(b -> b.service()).map(ObjectRef::name)).contains("v2");
        assertThat(base.ingresses()).extracting(ObjectRef::nameOf).containsExactly("web", "api");
    }

    @Test
    void draftsAreAddedAndIngressesRemoved() {
        DraftOverlay overlay = DraftOverlay.over(base).with(draft("new", "v2")).without("shop", "api");

        assertThat(overlay.ingresses()).extracting(ObjectRef::nameOf).containsExactly("web", "new");
        assertThat(overlay.service("shop", "v2")).isPresent();
        assertThat(overlay.without("shop", "new").ingresses()).extracting(ObjectRef::nameOf).containsExactly("web");
        assertThat(overlay.with(draft("api", "v2")).ingresses()).extracting(ObjectRef::nameOf)
                .containsExactly("web", "api", "new");
    }
}
