package dev.gatehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.Outcome;
import dev.gatehouse.tls.TestCerts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@code auth-tls-*} → the Gateway's {@code spec.tls.frontend} validation, now that the Gateway engine models it:
 * a request without a client certificate is refused by both (ingress-nginx with 400, the Gateway in the handshake),
 * and the difference is explained as such, not as "not modelled".
 */
class ClientCertificateMigrationTest {

    private static String caSecret() {
        TestCerts.Issued ca = TestCerts.cert("Partner CA").ca().issue();
        String pem = Base64.getEncoder().encodeToString(TestCerts.pem(ca.cert()).getBytes(StandardCharsets.US_ASCII));
        return "apiVersion: v1\nkind: Secret\nmetadata: {name: partner-ca, namespace: shop}\ntype: Opaque\n"
                + "data: {ca.crt: " + pem + "}\n";
    }

    private static MigrationResult migrate(String verify) {
        return MigrationFixture.migrate(ConversionRulesTest.TLS_SECRET + "---\n" + caSecret() + "---\n"
                + ConversionRulesTest.ingress("web", "nginx.ingress.kubernetes.io/auth-tls-secret: shop/partner-ca\n"
                + "nginx.ingress.kubernetes.io/auth-tls-verify-client: \"" + verify + "\"", true,
                ConversionRulesTest.PATHS));
    }

    @Test
    void aRequiredClientCertificateIsRefusedByBothAndTheTrapSaysWhere() {
        MigrationResult r = migrate("on");
        assertThat(r.yaml()).contains("frontend").contains("mode: \"AllowValidOnly\"").contains("partner-ca");
        Difference refused = r.diff().differences().stream()
                .filter(d -> d.before().explanation().decision().outcome() == Outcome.CLIENT_CERT_REQUIRED)
                .findFirst().orElseThrow();
        assertThat(refused.after().explanation().decision().outcome()).isEqualTo(Outcome.CLIENT_CERT_REQUIRED);
        assertThat(refused.after().explanation().decision().summary()).contains("refuses the TLS handshake");
        assertThat(refused.explanations()).anySatisfy(e -> assertThat(e).startsWith("client certificates:")
                .contains("400").contains("refuses the TLS handshake").doesNotContain("does not model"));
        assertThat(r.diff().unexplained()).isEmpty();
        assertThat(r.diff().caveats()).noneMatch(c -> c.contains("not modelled by the Gateway engine"))
                .anyMatch(c -> c.contains("spec.tls.frontend") && c.contains("without a client certificate"));
    }

    @Test
    void anOptionalClientCertificateBecomesAllowInsecureFallbackAndBothRoute() {
        MigrationResult r = migrate("optional");
        assertThat(r.yaml()).contains("mode: \"AllowInsecureFallback\"");
        assertThat(r.diff().differences()).noneMatch(d -> d.after().explanation().decision().outcome()
                == Outcome.CLIENT_CERT_REQUIRED);
        assertThat(r.diff().unexplained()).isEmpty();
    }
}
