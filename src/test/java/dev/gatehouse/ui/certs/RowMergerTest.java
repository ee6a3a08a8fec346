package dev.gatehouse.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.MaterialAnalyzer;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.ui.common.Status;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Secrets become rows, who uses them, and which diagnostics belong to each. */
class RowMergerTest {

    private final MaterialAnalyzer analyzer = new MaterialAnalyzer(TestCerts.CLOCK, TrustAnchors.none());
    private final TestCerts.Issued cert = TestCerts.cert("shop.example.com").dns("shop.example.com").daysLeft(400).issue();

    private SecretCertificate secret(String name, String type) {
        String crt = Base64.getEncoder().encodeToString(TestCerts.pem(cert.cert()).getBytes(StandardCharsets.US_ASCII));
        return SecretCertificate.of(SecretSummary.of(new SecretBuilder().withNewMetadata().withNamespace("shop")
                .withName(name).endMetadata().withType(type).withData(Map.of("tls.crt", crt)).build()), analyzer);
    }

    private static Ingress ingress(String name, String secret, String host) {
        return new IngressBuilder().withNewMetadata().withNamespace("shop").withName(name).endMetadata()
                .withNewSpec().addNewTl().withHosts(host).withSecretName(secret).endTl().endSpec().build();
    }

    @Test
    void tlsSecretsReferencedOnesOfAnyTypeAndMissingOnesAreListed() {
        var uses = IngressUse.index(List.of(ingress("web", "opaque-tls", "shop.example.com"),
                ingress("blog", "gone-tls", "blog.example.com")));
        var report = new DiagnosticReport(List.of(
                Diagnostic.of(DiagnosticCode.GH101, ObjectRef.ingress("shop", "blog"), "The Secret shop/gone-tls named in"
                        + " the tls section does not exist", "Create it"),
                Diagnostic.of(DiagnosticCode.GH201, ObjectRef.ingress("shop", "web"), "The certificate does not cover"
                        + " shop.example.com (it covers www.shop.example.com)", "Issue one"),
                Diagnostic.of(DiagnosticCode.GH201, ObjectRef.ingress("shop", "web"), "The certificate does not cover"
                        + " shop.example.com.evil (it covers x)", "unrelated host"),
                Diagnostic.of(DiagnosticCode.GH105, ObjectRef.secret("shop", "tls-only"), "expired", "renew")));

        List<CertificateRow> rows = RowMerger.rows(List.of(secret("tls-only", "kubernetes.io/tls"),
                secret("opaque-tls", "Opaque"), secret("unrelated", "Opaque")), uses, report, true);

        assertThat(rows).extracting(CertificateRow::key).containsExactly("shop/gone-tls", "shop/opaque-tls",
                "shop/tls-only");
        CertificateRow gone = rows.get(0);
        assertThat(gone.missing()).isTrue();
        assertThat(gone.expiryText()).isEqualTo("Secret missing");
        assertThat(gone.status()).isEqualTo(Status.ERROR);
        assertThat(rows.get(1).diagnostics()).singleElement().extracting(Diagnostic::hint).isEqualTo("Issue one");
        assertThat(rows.get(1).usedByText()).isEqualTo("web");
        assertThat(rows.get(2).diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.GH105);
        assertThat(rows.get(2).expiryText()).matches("expires in 40\\d days");
        assertThat(rows.get(2).expiryStatus()).isEqualTo(Status.OK);
    }

    @Test
    void gatewayListenersAreUsersAndTheirCertificateProblemsShowOnTheSecret() {
        var listener = new dev.gatehouse.routing.gateway.ListenerKey(new ObjectRef("Gateway", "edge", "main"), "https");
        var billing = new dev.gatehouse.routing.gateway.ListenerKey(new ObjectRef("Gateway", "edge", "main"), "https-billing");
        var uses = IngressUse.index(List.of(ingress("web", "tls-only", "shop.example.com")));
        var listeners = java.util.Map.of("shop/tls-only", List.of(new GatewayUse(listener, "*.example.com", true)),
                "shared/billing-tls", List.of(new GatewayUse(billing, "billing.example.com", false)));
        var report = new DiagnosticReport(List.of(Diagnostic.of(DiagnosticCode.GH705, new ObjectRef("Gateway", "edge",
                "main"), "Listener https-billing: Secret shared/billing-tls is in another namespace and no"
                + " ReferenceGrant in shared lets Gateways of edge use it (RefNotPermitted)", "Create a ReferenceGrant")));

        List<CertificateRow> rows = RowMerger.rows(List.of(secret("tls-only", "kubernetes.io/tls")), uses, listeners,
                report, true);

        assertThat(rows).extracting(CertificateRow::key).containsExactly("shared/billing-tls", "shop/tls-only");
        assertThat(rows.get(1).usedByText()).isEqualTo("web; Gateway edge/main, listener https");
        assertThat(rows.get(1).hosts()).containsExactly("shop.example.com", "*.example.com");
        assertThat(rows.get(1).diagnostics()).isEmpty();
        CertificateRow granted = rows.get(0);
        assertThat(granted.missing()).isTrue();
        assertThat(granted.usedByText()).isEqualTo("Gateway edge/main, listener https-billing (not permitted)");
        assertThat(granted.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.GH705);
        assertThat(CertificateDetailView.usedByLine(rows.get(1))).isEqualTo("Used by Ingress shop/web"
                + " (shop.example.com); used by Gateway edge/main, listener https (*.example.com).");
    }

    @Test
    void withoutPermissionToListSecretsMissingOnesAreNotInvented() {
        var uses = IngressUse.index(List.of(ingress("blog", "gone-tls", "blog.example.com")));

        assertThat(RowMerger.rows(List.of(), uses, new DiagnosticReport(List.of()), false)).isEmpty();
    }

    @Test
    void theDropHintSaysWhatDroppingWillDo() {
        assertThat(CertificatesViewModel.dropHint(2, java.util.Optional.of("shop/catalog-tls")))
                .startsWith("Drop to import these 2 files into Secret shop/catalog-tls");
        assertThat(CertificatesViewModel.dropHint(1, java.util.Optional.empty()))
                .isEqualTo("Drop to import this file: Gatehouse sorts out certificate, chain and key, then asks which"
                        + " Secret to write");
    }
}
