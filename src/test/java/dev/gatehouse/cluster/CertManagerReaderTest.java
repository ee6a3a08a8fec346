package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.certmanager.CertManagerObjects;
import dev.gatehouse.certmanager.RenewalStory;
import dev.gatehouse.certmanager.RenewalStoryBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The renewal chain read from a real API server: each kind on its own, RBAC gaps and absent cert-manager named. */
class CertManagerReaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private final MockCluster cluster = MockCluster.start();

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void create(String group, String kind, String plural, boolean namespaced, String yaml) {
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1")
                .withKind(kind).withPlural(plural).withNamespaced(namespaced).build();
        GenericKubernetesResource r = new KubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        KubernetesClient client = cluster.client();
        if (namespaced) {
            client.genericKubernetesResources(context).inNamespace("shop").resource(r).create();
        } else {
            client.genericKubernetesResources(context).resource(r).create();
        }
    }

    private void stuckHttp01() {
        create("cert-manager.io", "Certificate", "certificates", true, """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web, namespace: shop}
                spec: {secretName: web-tls, dnsNames: [shop.example.com], issuerRef: {name: le, kind: ClusterIssuer}}
                status:
                  revision: 1
                  conditions:
                  - {type: Ready, status: "False", reason: DoesNotExist, message: Issuing certificate as Secret does not exist}
                  - {type: Issuing, status: "True", reason: DoesNotExist, message: Issuing certificate as Secret does not exist}
                """);
        create("cert-manager.io", "ClusterIssuer", "clusterissuers", false, """
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: le}
                spec: {acme: {server: "https://acme.example/directory", email: ops@example.com}}
                status: {conditions: [{type: Ready, status: "True", reason: ACMEAccountRegistered, message: ok}]}
                """);
        create("cert-manager.io", "CertificateRequest", "certificaterequests", true, """
                apiVersion: cert-manager.io/v1
                kind: CertificateRequest
                metadata:
                  name: web-2
                  namespace: shop
                  annotations: {cert-manager.io/certificate-name: web, cert-manager.io/certificate-revision: "2"}
                status: {conditions: [{type: Approved, status: "True"}, {type: Ready, status: "False", reason: Pending}]}
                """);
        create("acme.cert-manager.io", "Order", "orders", true, """
                apiVersion: acme.cert-manager.io/v1
                kind: Order
                metadata:
                  name: web-2-1
                  namespace: shop
                  ownerReferences: [{apiVersion: cert-manager.io/v1, kind: CertificateRequest, name: web-2, uid: ""}]
                status: {state: pending}
                """);
        create("acme.cert-manager.io", "Challenge", "challenges", true, """
                apiVersion: acme.cert-manager.io/v1
                kind: Challenge
                metadata:
                  name: web-2-1-9
                  namespace: shop
                  ownerReferences: [{apiVersion: acme.cert-manager.io/v1, kind: Order, name: web-2-1, uid: ""}]
                spec: {type: HTTP-01, dnsName: shop.example.com}
                status: {state: pending, presented: true, processing: true, reason: "self check failed: 503"}
                """);
        cluster.client().services().inNamespace("shop").resource(new ServiceBuilder().withNewMetadata()
                .withName("cm-acme-http-solver-abcde").withNamespace("shop")
                .addToLabels("acme.cert-manager.io/http01-solver", "true").endMetadata().build()).create();
        cluster.client().discovery().v1().endpointSlices().inNamespace("shop").resource(new EndpointSliceBuilder()
                .withNewMetadata().withName("cm-acme-http-solver-abcde-1").withNamespace("shop")
                .addToLabels("kubernetes.io/service-name", "cm-acme-http-solver-abcde").endMetadata()
                .withAddressType("IPv4").build()).create();
    }

    @Test
    void theStuckChallengeIsFoundThroughTheWholeChain() {
        stuckHttp01();

        CertManagerObjects objects = new CertManagerReader(cluster.client()).read("shop");
        RenewalStory story = new RenewalStoryBuilder(CLOCK).build("shop", "web-tls", Map.of(), objects);

        assertThat(objects.unreadable()).isEmpty();
        assertThat(objects.solverEndpoints()).containsEntry("shop/cm-acme-http-solver-abcde", 0);
        assertThat(story.verdict()).isEqualTo(RenewalStory.Verdict.BLOCKED);
        assertThat(story.blockingStep()).get().extracting(RenewalStory.Step::title)
                .isEqualTo("Challenge shop/web-2-1-9");
    }

    @Test
    void aClusterWithoutCertManagerIsNotAnError() {
        cluster.server().expect().get().withPath("/apis/cert-manager.io/v1/namespaces/shop/certificates")
                .andReturn(404, MockCluster.status(404, "NotFound", "the server could not find the requested resource"))
                .always();

        CertManagerObjects objects = new CertManagerReader(cluster.client()).read("shop");

        assertThat(objects.installed()).isFalse();
        assertThat(new RenewalStoryBuilder(CLOCK).build("shop", "web-tls", Map.of(), objects).headline())
                .startsWith("cert-manager is not installed in this cluster");
    }

    @Test
    void aForbiddenKindIsNamedAndTheRestIsStillRead() {
        stuckHttp01();
        cluster.server().expect().get().withPath("/apis/cert-manager.io/v1/clusterissuers")
                .andReturn(403, MockCluster.status(403, "Forbidden", "clusterissuers.cert-manager.io is forbidden:"
                        + " User \"dev\" cannot list resource \"clusterissuers\" at the cluster scope")).always();

        CertManagerObjects objects = new CertManagerReader(cluster.client()).read("shop");

        assertThat(objects.unreadable("clusterissuers")).get().asString().startsWith("forbidden (clusterissuers");
        assertThat(objects.challenges()).hasSize(1);
        RenewalStory story = new RenewalStoryBuilder(CLOCK).build("shop", "web-tls", Map.of(), objects);
        assertThat(story.notes()).anyMatch(n -> n.startsWith("Could not read clusterissuers: forbidden"));
        // the Challenge is still found to block, though the issuer could not be judged
        assertThat(story.verdict()).isEqualTo(RenewalStory.Verdict.BLOCKED);
    }
}
