package dev.gatehouse.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tls.MaterialAnalyzer;
import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.CertificateSigningRequest;
import dev.gatehouse.tls.build.KeyAlgorithm;
import dev.gatehouse.tls.build.LeafSpec;
import dev.gatehouse.tls.build.Pem;
import dev.gatehouse.tls.ca.AtRestKey;
import dev.gatehouse.tls.ca.PendingKeys;
import dev.gatehouse.ui.common.Status;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How dropped files become tls.crt and tls.key: order fixes, host checks, and where the key comes from. */
class ImportPlannerTest {

    @TempDir
    Path data;
    private final MaterialAnalyzer analyzer = new MaterialAnalyzer(TestCerts.CLOCK, TrustAnchors.none());
    private final CertificateBundle ca = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=Planner CA").ca(true).build();
    private final CertificateBundle leaf = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=shop.example.com")
            .sans("shop.example.com").serverAuth().issuedBy(ca).build();

    private PendingKeys pending() {
        return new PendingKeys(data, AtRestKey.in(data), TestCerts.CLOCK);
    }

    private static ParsedMaterial read(String text, String name) {
        return MaterialReaders.read(text.getBytes(StandardCharsets.US_ASCII), name);
    }

    @Test
    void aChainOutOfOrderIsWrittenLeafFirstWhenFixingAndAsDroppedWhenNot() throws Exception {
        List<ParsedMaterial> files = List.of(read(ca.certificatePem() + leaf.certificatePem(), "bundle.pem"),
                read(leaf.privateKeyPem(), "key.pem"));

        ImportPlanner.Plan fixed = ImportPlanner.plan(files, List.of("shop.example.com"), true, analyzer, pending(),
                Optional.empty());
        ImportPlanner.Plan asIs = ImportPlanner.plan(files, List.of(), false, analyzer, pending(), Optional.empty());

        assertThat(fixed.orderFixable()).isTrue();
        assertThat(fixed.blocked()).isEmpty();
        assertThat(fixed.tlsCrt()).contains(leaf.certificatePem());
        assertThat(asIs.tlsCrt()).contains(ca.certificatePem() + leaf.certificatePem());
        assertThat(fixed.hosts()).containsExactly(new Finding(Status.OK, "shop.example.com is covered"));
        assertThat(fixed.found()).extracting(Finding::text).containsExactly("bundle.pem: root CA \"Planner CA\"",
                "bundle.pem: server certificate (leaf) \"shop.example.com\"",
                "key.pem: private key (PKCS#8), belongs to the server certificate");
    }

    @Test
    void aCertificateAloneIsPairedWithThePendingKeyOfItsRequest() throws Exception {
        CertificateSigningRequest csr = new LeafSpec("CN=shop.example.com", List.of("shop.example.com"), List.of(),
                Duration.ofDays(90), KeyAlgorithm.EC_P256).csr();
        pending().save(csr, "shop/shop-tls", "prod");
        CertificateBundle signed = CertificateBuilder.create(TestCerts.CLOCK).subject("CN=shop.example.com").sans("shop.example.com")
                .serverAuth().keyPair(new KeyPair(csr.keyPair().getPublic(), csr.privateKey()), KeyAlgorithm.EC_P256)
                .issuedBy(ca).build();

        ImportPlanner.Plan plan = ImportPlanner.plan(List.of(read(signed.chainPem(), "signed.crt")), List.of(), true,
                analyzer, pending(), Optional.empty());

        assertThat(plan.blocked()).isEmpty();
        assertThat(plan.pendingUsed()).isPresent();
        assertThat(plan.tlsKey()).contains(Pem.privateKey(csr.privateKey()));
        assertThat(plan.found()).extracting(Finding::text).anySatisfy(t -> assertThat(t)
                .startsWith("The private key is the one Gatehouse kept for the certificate request of"));
    }

    @Test
    void aCertificateAloneKeepsTheSecretsKeyWhenItBelongsToIt() throws Exception {
        Secret live = new SecretBuilder().withNewMetadata().withName("shop-tls").withNamespace("shop").endMetadata()
                .withData(Map.of("tls.key", Base64.getEncoder().encodeToString(leaf.privateKeyPem()
                        .getBytes(StandardCharsets.US_ASCII)))).build();

        ImportPlanner.Plan plan = ImportPlanner.plan(List.of(read(leaf.chainPem(), "renewed.crt")), List.of(), true,
                analyzer, pending(), Optional.of(live));
        ImportPlanner.Plan without = ImportPlanner.plan(List.of(read(leaf.chainPem(), "renewed.crt")), List.of(), true,
                analyzer, pending(), Optional.empty());

        assertThat(plan.blocked()).isEmpty();
        assertThat(plan.tlsKey()).isEmpty();
        assertThat(without.blocked()).get().asString().startsWith("No private key was found");
    }

    @Test
    void hostsTheCertificateDoesNotCoverAreErrors() throws Exception {
        TestCerts.Issued other = TestCerts.cert("other.example.com").dns("other.example.com").issue();

        ImportPlanner.Plan plan = ImportPlanner.plan(List.of(read(TestCerts.pem(other.cert(), other.key()), "x.pem")),
                List.of("shop.example.com"), true, analyzer, pending(), Optional.empty());

        assertThat(plan.hosts()).containsExactly(new Finding(Status.ERROR, "shop.example.com is not covered"));
        assertThat(plan.analysis().problems()).anySatisfy(p -> assertThat(p.message())
                .isEqualTo("The certificate does not cover shop.example.com (it covers other.example.com)"));
    }
}
