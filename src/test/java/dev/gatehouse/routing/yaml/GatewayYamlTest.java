package dev.gatehouse.routing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.InMemoryClusterView;
import org.junit.jupiter.api.Test;

/** Gateway API objects in manifests reach the engine's view like Ingresses do. */
class GatewayYamlTest {

    @Test
    void gatewayApiObjectsConfigMapsAndNamespacesAreKept() {
        LoadResult result = new YamlClusterLoader().parse("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata: {name: eg}
                spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: edge, namespace: shop}
                spec:
                  gatewayClassName: eg
                  listeners:
                  - {name: https, port: 443, protocol: HTTPS, hostname: "*.example.com",
                     tls: {mode: Terminate, certificateRefs: [{name: wildcard-tls}]}}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: shop}
                spec:
                  parentRefs: [{name: edge, sectionName: https}]
                  hostnames: [shop.example.com]
                  rules:
                  - matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: env, value: canary}]}]
                    backendRefs: [{name: api, port: 8080, weight: 90}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: ReferenceGrant
                metadata: {name: certs, namespace: certs}
                spec:
                  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: shop}]
                  to: [{group: "", kind: Secret}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: BackendTLSPolicy
                metadata: {name: api-tls, namespace: shop}
                spec:
                  targetRefs: [{group: "", kind: Service, name: api}]
                  validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: api-ca}], hostname: api.shop.svc}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: api-ca, namespace: shop}
                data: {ca.crt: "x"}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {team: web}}
                """, "gateway.yaml");

        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        InMemoryClusterView view = ((LoadResult.Loaded) result).view();
        assertThat(view.gatewayClasses()).hasSize(1);
        assertThat(view.gateways()).singleElement().satisfies(g ->
                assertThat(g.getSpec().getListeners().get(0).getHostname()).isEqualTo("*.example.com"));
        assertThat(view.httpRoutes()).singleElement().satisfies(r -> {
            assertThat(r.getSpec().getRules().get(0).getBackendRefs().get(0).getWeight()).isEqualTo(90);
            assertThat(r.getSpec().getRules().get(0).getMatches().get(0).getHeaders().get(0).getName()).isEqualTo("env");
        });
        assertThat(view.referenceGrants()).hasSize(1);
        assertThat(view.backendTlsPolicies()).singleElement().satisfies(p ->
                assertThat(p.getSpec().getValidation().getHostname()).isEqualTo("api.shop.svc"));
        assertThat(view.configMap("shop", "api-ca")).isPresent();
        assertThat(view.namespace("shop").orElseThrow().getMetadata().getLabels()).containsEntry("team", "web");
        assertThat(view.hasGatewayApi()).isTrue();
    }
}
