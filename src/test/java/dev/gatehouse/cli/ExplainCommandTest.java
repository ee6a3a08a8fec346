package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    private static CliRunner.Run explain(String... args) {
        return CliRunner.run(new ExplainCommand(CliRunner.factory()), args);
    }

    private static final String SHOP = CliRunner.fixture("shop").toString();

    @Test
    void explainsAnHttpsRequestReadably() {
        CliRunner.Run run = explain("-f", SHOP, "https://shop.example.com/api/orders");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("GET https://shop.example.com/api/orders  (SNI shop.example.com)")
                .contains("Result:        200  Routed to Service shop/api port http")
                .contains("Ingress:       shop/web  rule 1 host shop.example.com, path /api (Prefix)")
                .contains("Backend:       Service shop/api port http  (1 ready endpoint)")
                .contains("Certificate:   \"shop.example.com\" from Secret shop/shop-tls, issued by Gatehouse Fixture"
                        + " Intermediate CA, expires in 3317 days")
                .contains("covers shop.example.com")
                .containsPattern("client → controller\\s+TLS\\s+TLS with a certificate valid for shop.example.com")
                .containsPattern("controller → Service\\s+HTTP · unencrypted")
                .containsPattern("lost\\s+\\[path\\]\\s+/ \\(Prefix\\) in Ingress shop/web: matches, but /api is longer");
    }

    @Test
    void aPathIsMatchedAsNginxNormalisesItAndTheTraceSaysSo() {
        CliRunner.Run run = explain("-f", SHOP, "https://shop.example.com/x/..//api/./orders");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Result:        200  Routed to Service shop/api port http")
                .contains("Ingress:       shop/web  rule 1 host shop.example.com, path /api (Prefix)")
                .contains("/x/..//api/./orders is matched as /api/orders, as nginx normalises it");
    }

    @Test
    void aPathAboveTheRootIsA400AsNginxAnswersIt() {
        CliRunner.Run run = explain("-f", SHOP, "https://shop.example.com/api/../../etc/passwd");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Result:        400")
                .contains("the path \"/api/../../etc/passwd\" goes above the root")
                .doesNotContain("Routed to");
    }

    @Test
    void noSniShowsTheFakeCertificate() {
        CliRunner.Run run = explain("-f", SHOP, "--no-sni", "https://shop.example.com/");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("(no SNI)")
                .contains("Certificate:   controller default (Kubernetes Ingress Controller Fake Certificate)")
                .contains("does not cover shop.example.com: the client sent no SNI")
                .containsPattern("client → controller\\s+TLS · problem");
    }

    @Test
    void plainHttpIsRedirected() {
        CliRunner.Run run = explain("-f", SHOP, "-X", "POST", "http://www.shop.example.com/login");

        assertThat(run.out()).startsWith("POST http://www.shop.example.com/login\n")
                .contains("Result:        308  Redirected to https://www.shop.example.com/login (308)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonOutputCarriesTheDecision() {
        CliRunner.Run run = explain("--manifests", SHOP, "--json", "--sni", "www.shop.example.com",
                "--url", "https://shop.example.com/nope");

        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = Serialization.unmarshal(run.out(), Map.class);
        assertThat(json).containsEntry("status", 200).containsEntry("outcome", "ROUTED")
                .containsEntry("ingress", "shop/web").containsEntry("host", "shop.example.com")
                .containsEntry("path", "/").containsEntry("pathType", "Prefix")
                .containsEntry("service", "shop/web").containsEntry("port", 80)
                .containsEntry("redirect", null).containsEntry("secret", "shop/shop-tls")
                .containsEntry("fallbackCertificate", false).containsEntry("certificateCoversHost", true);
        assertThat((Map<String, Object>) json.get("request")).containsEntry("sni", "www.shop.example.com");
        assertThat((List<Map<String, Object>>) json.get("legs")).extracting(l -> l.get("protection"))
                .containsExactly("TLS", "PLAIN", "PLAIN");
        assertThat((List<Map<String, Object>>) json.get("trace")).isNotEmpty()
                .allSatisfy(t -> assertThat(t).containsKeys("stage", "verdict", "subject", "reason"));
        assertThat(explain("-f", SHOP, "-o", "json", "--sni", "www.shop.example.com", "https://shop.example.com/nope")
                .out()).as("-o json and the positional URL give the same").isEqualTo(run.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonForARedirectAndForTheFallbackCertificate() {
        Map<String, Object> redirect = Serialization.unmarshal(explain("--manifests", SHOP, "--json",
                "--url", "http://shop.example.com/api/x", "--method", "POST").out(), Map.class);
        assertThat(redirect).containsEntry("status", 308)
                .containsEntry("redirect", "https://shop.example.com/api/x")
                .containsEntry("service", "shop/api").containsEntry("port", "http")
                .containsEntry("secret", null).containsEntry("fallbackCertificate", false)
                .containsEntry("certificateCoversHost", null);
        assertThat((Map<String, Object>) redirect.get("request")).containsEntry("method", "POST");

        Map<String, Object> unknown = Serialization.unmarshal(explain("--manifests", SHOP, "--json",
                "--url", "https://other.example.com/").out(), Map.class);
        assertThat(unknown).containsEntry("status", 404).containsEntry("ingress", null).containsEntry("host", null)
                .containsEntry("path", null).containsEntry("service", null).containsEntry("secret", null)
                .containsEntry("fallbackCertificate", true).containsEntry("certificateCoversHost", false);
    }

    @Test
    void urlFromTheOptionThePositionOrAfterThePaths() {
        String shop = CliRunner.fixture("shop").toString();
        assertThat(explain("--manifests", shop + "/ingress.yaml", shop + "/secret.yaml", "--url",
                "https://shop.example.com/").out()).contains("Result:        200");
        assertThat(explain("--manifests", shop + "/ingress.yaml", shop + "/secret.yaml",
                "https://shop.example.com/").out()).contains("Result:        200");

        CliRunner.Run none = explain("--manifests", SHOP);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("error: no URL: pass --url URL");
        CliRunner.Run two = explain("--manifests", SHOP, "--url", "https://a.example.com/", "https://b.example.com/");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("two URLs given (https://a.example.com/, https://b.example.com/)");
    }

    @Test
    void atJudgesTheCertificateAtThatTime() {
        CliRunner.Run run = explain("--manifests", SHOP, "--at", "2036-02-01", "--url", "https://shop.example.com/");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("client → controller\\s+TLS · problem\\s+The certificate expired");
    }

    @Test
    void badYamlIsExitCode2WithFileAndLine() {
        CliRunner.Run run = explain("-f", CliRunner.fixture("broken").toString(), "https://shop.example.com/");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).containsPattern("error: .*bad\\.yaml:\\d+: invalid YAML: ");
    }

    @Test
    void badUrlAndMissingInputAreExitCode2() {
        assertThat(explain("-f", SHOP, "--url", "shop.example.com/").err())
                .contains("error: \"shop.example.com/\" has no scheme; write http://shop.example.com/ or https://");
        CliRunner.Run none = explain("https://shop.example.com/");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("No input: pass --manifests PATH");
        assertThat(explain("-f", "/no/such/dir", "https://x/").err()).contains("no such file or directory");
    }

    @Test
    void clientCertificateOptionIsValidated() {
        CliRunner.Run run = explain("-f", SHOP, "--client-cert", "maybe", "https://shop.example.com/");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--client-cert must be none, trusted or untrusted");
    }
}
