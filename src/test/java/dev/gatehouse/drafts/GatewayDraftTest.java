package dev.gatehouse.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.drafts.HttpRouteForm.BackendRow;
import dev.gatehouse.drafts.HttpRouteForm.RuleRow;
import dev.gatehouse.routing.DraftOverlay;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gateway API drafts: one parse, the form kept in sync with the YAML, the overlay the engine judges. */
class GatewayDraftTest {
    private final DraftYaml yaml = new DraftYaml();

    static final String SPLIT = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: search
              namespace: web
              labels: {team: search}
            spec:
              parentRefs:
                - {name: main, namespace: edge, sectionName: https}
              hostnames: [search.gw.demo.gatehouse.test]
              rules:
                - matches:
                    - path: {type: PathPrefix, value: /}
                      headers:
                        - {name: X-Canary, value: always}
                  backendRefs:
                    - {name: search-v1, port: 80, weight: 90}
                    - {name: search-v2, port: 80, weight: 10}
            """;

    private HTTPRoute route(String text) {
        return (HTTPRoute) ((DraftYaml.Valid) yaml.parse(text)).object();
    }

    @Test
    void everyGatewayApiKindParsesAsADraftAndOtherKindsAreRefusedByName() {
        DraftYaml.Parsed p = yaml.parse(SPLIT);
        assertThat(p).isInstanceOf(DraftYaml.Valid.class);
        assertThat(((DraftYaml.Valid) p).kind()).isEqualTo(DraftKind.HTTPROUTE);
        for (DraftTemplate t : DraftTemplate.values()) {
            DraftYaml.Parsed tp = yaml.parse(t.render("web", "demo", "demo.example.com", "web", "edge", "main"));
            assertThat(tp).as(t.name()).isInstanceOf(DraftYaml.Valid.class);
            assertThat(((DraftYaml.Valid) tp).kind()).as(t.name()).isEqualTo(t.kind());
        }
        DraftYaml.Parsed grpc = yaml.parse("apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: eg}\n");
        assertThat(((DraftYaml.Invalid) grpc).summary()).contains("HTTPRoute").contains("this text holds a GatewayClass");
    }

    @Test
    void theFormReadsTheRouteAndWritesBackOnlyWhatItEdits() {
        HTTPRoute live = route(SPLIT);
        HttpRouteForm form = HttpRouteForm.from(live);
        assertThat(form.rules()).containsExactly(new RuleRow("PathPrefix", "/", false));
        assertThat(form.backends()).containsExactly(new BackendRow(1, "search-v1", "80", "90"),
                new BackendRow(1, "search-v2", "80", "10"));
        assertThat(form.applyTo(live)).isEqualTo(live);

        List<BackendRow> shifted = List.of(new BackendRow(1, "search-v1", "80", "50"), new BackendRow(1, "search-v2", "80", "50"));
        HttpRouteForm edited = new HttpRouteForm(form.namespace(), form.name(), form.parents(), form.hostnames(),
                List.of(new RuleRow("Exact", "/search", false)), shifted);
        HTTPRoute out = edited.applyTo(live);
        var rule = out.getSpec().getRules().get(0);
        assertThat(rule.getBackendRefs()).extracting(b -> b.getWeight()).containsExactly(50, 50);
        assertThat(rule.getMatches().get(0).getPath().getType()).isEqualTo("Exact");
        assertThat(rule.getMatches().get(0).getPath().getValue()).isEqualTo("/search");
        assertThat(rule.getMatches().get(0).getHeaders()).hasSize(1);
        assertThat(out.getMetadata().getLabels()).containsEntry("team", "search");
        assertThat(live.getSpec().getRules().get(0).getBackendRefs().get(0).getWeight()).as("the input is not changed").isEqualTo(90);
    }

    @Test
    void aRedirectToHttpsIsAFilterAndBadNumbersAreNamed() {
        HTTPRoute live = route(SPLIT);
        HttpRouteForm form = HttpRouteForm.from(live);
        HTTPRoute out = new HttpRouteForm(form.namespace(), form.name(), form.parents(), form.hostnames(),
                List.of(new RuleRow("PathPrefix", "/", true)), List.of()).applyTo(live);
        var filter = out.getSpec().getRules().get(0).getFilters().get(0);
        assertThat(filter.getType()).isEqualTo("RequestRedirect");
        assertThat(filter.getRequestRedirect().getScheme()).isEqualTo("https");
        assertThat(out.getSpec().getRules().get(0).getBackendRefs()).isNull();
        assertThat(HttpRouteForm.from(out).rules().get(0).httpsRedirect()).isTrue();

        assertThatThrownBy(() -> new HttpRouteForm("web", "search", form.parents(), form.hostnames(), form.rules(),
                List.of(new BackendRow(1, "search-v1", "eighty", ""))).applyTo(live))
                .hasMessage("the port of backend search-v1 of rule 1 is not a number: eighty");
        assertThatThrownBy(() -> new HttpRouteForm("web", "search", form.parents(), form.hostnames(), form.rules(),
                List.of(new BackendRow(3, "x", "80", ""))).applyTo(live)).hasMessageContaining("names rule 3");
    }

    @Test
    void theOverlayReplacesTheLiveRouteAndAnIngressDraftNoLongerHidesTheGatewayApi() {
        ClusterView live = demoGatewayView();
        HTTPRoute search = live.httpRoutes().stream().filter(r -> r.getMetadata().getName().equals("search")).findFirst()
                .orElseThrow();
        HttpRouteForm f = HttpRouteForm.from(search);
        HTTPRoute draft = new HttpRouteForm(f.namespace(), f.name(), f.parents(), f.hostnames(), f.rules(),
                List.of(new BackendRow(1, "search-v2", "80", "100"))).applyTo(search);
        DraftOverlay overlay = DraftOverlay.over(live).with(draft);
        assertThat(overlay.httpRoutes()).hasSameSizeAs(live.httpRoutes());
        assertThat(overlay.httpRoutes().indexOf(draft)).isEqualTo(live.httpRoutes().indexOf(search));
        assertThat(overlay.gateways()).isEqualTo(live.gateways());

        DraftOverlay ingressDraft = DraftOverlay.over(live).with(new IngressBuilder().withNewMetadata().withName("x")
                .withNamespace("web").endMetadata().build());
        assertThat(ingressDraft.httpRoutes()).isEqualTo(live.httpRoutes());
        assertThat(ingressDraft.referenceGrants()).isEqualTo(live.referenceGrants());
    }

    static ClusterView demoGatewayView() {
        String text = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: main, namespace: edge}
                spec:
                  gatewayClassName: eg
                  listeners:
                    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: storefront, namespace: web}
                spec:
                  parentRefs: [{name: main, namespace: edge}]
                  rules: [{backendRefs: [{name: storefront, port: 80}]}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: ReferenceGrant
                metadata: {name: grant, namespace: web}
                spec:
                  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: edge}]
                  to: [{group: "", kind: Secret}]
                ---
                """ + SPLIT;
        LoadResult r = new YamlClusterLoader().parse(text, "gateway.yaml");
        return InMemoryClusterView.of(new ArrayList<>(((LoadResult.Loaded) r).objects()));
    }
}
