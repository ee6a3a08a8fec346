package dev.gatehouse.demo;

import dev.gatehouse.tls.TestCerts;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedSetTest {

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @Test
    void theShippedSeedRendersAndEverySecretDataValueIsFilledIn() {
        SeedSet seed = SeedSet.load(getClass().getClassLoader(), SeedSet.DEFAULT_LOCATION, serialization);
        DemoPki pki = DemoPki.generate(seed.certificates(), TestCerts.NOW);
        List<HasMetadata> resources = seed.render(pki, placeholder -> 1234, java.time.Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(resources).extracting(HasMetadata::getKind)
                .contains("Namespace", "IngressClass", "Ingress", "Secret", "Service", "EndpointSlice");
        resources.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .forEach(secret -> secret.getData().forEach((key, value) ->
                        assertThat(value).as(secret.getMetadata().getName() + " " + key).doesNotContain("{{")));
        assertThat(pki.get(DemoCluster.DEMO_CA).isCa()).isTrue();
    }

    @Test
    void unknownCertificateInATemplateIsNamedInTheMessage() {
        SeedSet seed = SeedSet.load(getClass().getClassLoader(), "dev/gatehouse/demo/broken-seed/", serialization);
        DemoPki pki = DemoPki.generate(seed.certificates(), TestCerts.NOW);
        assertThatThrownBy(() -> seed.render(pki, placeholder -> 1, java.time.Instant.parse("2026-12-01T12:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seed file broken.yaml refers to certificate \"missing\", which certificates.yaml does not define");
    }

    @Test
    void certificateSpecsRejectTyposAndBadTimes() {
        assertThatThrownBy(() -> CertificateSpec.fromMap(Map.of("name", "a", "dnsName", List.of("x"))))
                .hasMessage("certificate \"a\" has an unknown key \"dnsName\"");
        assertThatThrownBy(() -> CertificateSpec.fromMap(Map.of("name", "a", "usages", List.of("codeSigning"))))
                .hasMessage("certificate \"a\" has an unknown usage \"codeSigning\"");
        CertificateSpec spec = CertificateSpec.fromMap(Map.of("name", "a", "notBefore", "yesterday"));
        assertThatThrownBy(() -> spec.notBeforeFrom(TestCerts.NOW))
                .hasMessageContaining("\"yesterday\" is not a relative time");
        assertThatThrownBy(() -> DemoPki.generate(List.of(CertificateSpec.fromMap(Map.of("name", "leaf",
                "issuer", "later", "dnsNames", List.of("a.example.com")))), TestCerts.NOW))
                .hasMessage("certificate \"leaf\" names issuer \"later\", which is not defined before it");
    }

    @Test
    void relativeTimesAreRelativeToStart() {
        Instant now = Instant.parse("2026-01-10T00:00:00Z");
        CertificateSpec spec = CertificateSpec.fromMap(Map.of("name", "a", "notBefore", "-12d", "notAfter", "+36h"));
        assertThat(spec.notBeforeFrom(now)).isEqualTo(Instant.parse("2025-12-29T00:00:00Z"));
        assertThat(spec.notAfterFrom(now)).isEqualTo(Instant.parse("2026-01-11T12:00:00Z"));
    }
}
