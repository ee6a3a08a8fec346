package dev.gatehouse.cluster.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.MockCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renewing through cert-manager the way cmctl renew does, against the mock API server. */
class CertManagerRenewalTest {

    private static final String PATH = "/apis/cert-manager.io/v1/namespaces/platform/certificates";
    private MockCluster cluster;
    private KubernetesClient client;
    private CertManagerRenewal renewal;

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
        client = cluster.client();
        renewal = new CertManagerRenewal(client, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void certificate(List<Map<String, Object>> conditions) {
        GenericKubernetesResource crt = new GenericKubernetesResourceBuilder().withApiVersion("cert-manager.io/v1")
                .withKind("Certificate").withNewMetadata().withName("grafana").withNamespace("platform").endMetadata()
                .addToAdditionalProperties("spec", Map.of("secretName", "grafana-tls"))
                .addToAdditionalProperties("status", Map.of("conditions", conditions)).build();
        client.genericKubernetesResources(CertManagerRenewal.CERTIFICATES).inNamespace("platform").resource(crt).create();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> conditions() {
        GenericKubernetesResource crt = client.genericKubernetesResources(CertManagerRenewal.CERTIFICATES)
                .inNamespace("platform").withName("grafana").get();
        return (List<Map<String, Object>>) ((Map<String, Object>) crt.get("status")).get("conditions");
    }

    @Test
    void setsTheIssuingConditionAsCmctlRenewDoes() {
        certificate(List.of(Map.of("type", "Ready", "status", "True", "reason", "Ready")));

        CertManagerRenewal.Result result = renewal.renew("platform", "grafana");

        assertThat(result).isInstanceOf(CertManagerRenewal.Triggered.class);
        assertThat(result.message()).startsWith("cert-manager was asked to reissue Certificate platform/grafana");
        assertThat(conditions()).hasSize(2).anySatisfy(c -> assertThat(c)
                .containsEntry("type", "Issuing").containsEntry("status", "True")
                .containsEntry("reason", "ManuallyTriggered")
                .containsEntry("message", "Certificate re-issuance manually triggered")
                .containsEntry("lastTransitionTime", "2026-11-26T10:00:00Z"));
        assertThat(cluster.requests()).anyMatch(r -> r.startsWith("PUT " + PATH + "/grafana/status"));
    }

    @Test
    void aCertificateAlreadyIssuingIsLeftAlone() {
        certificate(List.of(Map.of("type", "Issuing", "status", "True")));

        assertThat(renewal.renew("platform", "grafana")).isInstanceOf(CertManagerRenewal.AlreadyIssuing.class);
        assertThat(cluster.requests()).noneMatch(r -> r.startsWith("PUT"));
    }

    @Test
    void withoutTheCrdItSaysCertManagerIsNotInstalled() {
        cluster.server().expect().get().withPath(PATH + "/grafana").andReturn(404, MockCluster.status(404, "NotFound",
                "the server could not find the requested resource")).always();
        cluster.server().expect().get().withPath(PATH).andReturn(404, MockCluster.status(404, "NotFound",
                "the server could not find the requested resource")).always();

        CertManagerRenewal.Result result = renewal.renew("platform", "grafana");

        assertThat(result).isInstanceOf(CertManagerRenewal.NotInstalled.class);
        assertThat(result.message()).contains("cert-manager is not installed");
    }

    @Test
    void aMissingCertificateIsNamed() {
        assertThat(renewal.renew("platform", "grafana")).isInstanceOf(CertManagerRenewal.CertificateMissing.class)
                .extracting(CertManagerRenewal.Result::message).asString()
                .startsWith("Certificate platform/grafana does not exist");
    }

    @Test
    void noPermissionOnTheStatusIsAPlainRefusal() {
        certificate(List.of());
        cluster.server().expect().put().withPath(PATH + "/grafana/status")
                .andReturn(403, MockCluster.status(403, "Forbidden", "forbidden")).always();

        CertManagerRenewal.Result result = renewal.renew("platform", "grafana");

        assertThat(result).isEqualTo(new CertManagerRenewal.Refused(403, "No permission to update the status of"
                + " Certificate platform/grafana (renewing needs update on certificates/status)"));
        assertThat(conditions()).isEmpty();
    }
}
