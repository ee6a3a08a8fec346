package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.tls.TestCerts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets as people write them in git: read right, and wrong content named precisely. */
class SecretInputDiagnosesTest {

    private static String indented(String pem) {
        return pem.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static List<String> codes(DiagnosticReport report) {
        return report.diagnostics().stream().map(d -> d.code().name()).toList();
    }

    @Test
    void aSecretWrittenWithStringDataIsReadLikeData() {
        Fixture f = LintFixtures.web("", "  ingressClassName: nginx", "[shop.example.com]", "shop-tls",
                "shop.example.com", "/", "Prefix", "web", "number: 80").service("shop", "web", 80, 2);
        TestCerts.Issued leaf = f.leaf("shop.example.com");
        f.yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: shop-tls, namespace: shop}
                type: kubernetes.io/tls
                stringData:
                  tls.crt: |
                %s
                  tls.key: |
                %s
                """.formatted(indented(TestCerts.pem(leaf.cert(), f.intermediate().cert())),
                indented(TestCerts.pem(leaf.key()))));

        DiagnosticReport report = f.lint();

        assertThat(codes(report)).doesNotContain("GH101", "GH103", "GH104");
    }

    @Test
    void swappedValuesAreNamedAsSwapped() {
        DiagnosticReport report = LintFixtures.SCENARIOS.get(DiagnosticCode.GH117).build().lint();

        assertThat(report.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.GH117).extracting(Diagnostic::message)
                .containsExactly("tls.crt holds a private key and no certificate: tls.crt and tls.key look swapped");
    }

    @Test
    void aDsaCertificateIsNotAFineServerCertificate() {
        DiagnosticReport report = LintFixtures.SCENARIOS.get(DiagnosticCode.GH118).build().lint();

        assertThat(report.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.GH118).extracting(Diagnostic::message)
                .singleElement().asString().contains("Not usable as a TLS server certificate: the key is DSA");
    }
}
