package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code gatehouse explain} on Gateway API manifests: --header, the URL's port, the Gateway JSON fields. */
class ExplainGatewayCommandTest {

    private static String manifest(String name) {
        try {
            return Path.of(ExplainGatewayCommandTest.class.getResource("/gateway/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliRunner.Run explain(String... args) {
        return CliRunner.run(new ExplainCommand(CliRunner.factory()), args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(CliRunner.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Serialization.unmarshal(run.out(), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void headersSelectTheRuleAndTheJsonNamesGatewayListenerRouteAndBackends() {
        Map<String, Object> j = json(explain("--manifests", manifest("matching.yaml"), "--url", "http://match.example.com/h",
                "--header", "version: two", "-H", "Color: blue", "--json"));
        assertThat(j).containsEntry("status", 200);
        assertThat(j).containsEntry("gateway", "infra/edge");
        assertThat(j).containsEntry("listener", "http");
        assertThat(j).containsEntry("httpRoute", "infra/matching");
        assertThat(j).containsEntry("rule", 5);
        assertThat(j).containsEntry("ingress", null);
        assertThat(j).containsEntry("service", "infra/v2");
        assertThat(j).containsEntry("upstreamPath", "/h");
        assertThat((List<Map<String, Object>>) j.get("backends")).containsExactly(
                Map.of("service", "infra/v2", "port", 8080, "weight", 1));
    }

    @Test
    void theUrlsPortSelectsTheListenerPort() {
        Map<String, Object> j = json(explain("--manifests", manifest("matching.yaml"), "--url", "http://foo.example.com:8080/",
                "--json"));
        assertThat(j).containsEntry("listener", "foo");
        assertThat(j).containsEntry("httpRoute", "infra/per-listener");
    }

    @Test
    void ingressAnswersKeepTheGatewayFieldsNull() {
        Map<String, Object> j = json(explain("--manifests", CliRunner.fixture("shop").toString(), "--url",
                "https://shop.example.com/", "--json"));
        assertThat(j).containsEntry("gateway", null);
        assertThat(j).containsEntry("listener", null);
        assertThat(j).containsEntry("httpRoute", null);
        assertThat(j).containsEntry("rule", null);
        assertThat(j).containsEntry("backends", null);
    }

    @Test
    void textNamesTheGatewayAndTheRoute() {
        CliRunner.Run run = explain("--manifests", manifest("matching.yaml"), "--url", "http://match.example.com/v2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Gateway:", "infra/edge  listener http", "HTTPRoute:", "infra/matching  rule 1");
    }

    @Test
    void aBadHeaderIsExitCode2() {
        CliRunner.Run run = explain("--manifests", manifest("matching.yaml"), "--url", "http://match.example.com/",
                "--header", "no-colon");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--header 'no-colon' is not of the form 'Name: value'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aListenerWithFrontendValidationRefusesTheHandshakeAndTheBackendLegIsMutual() {
        Map<String, Object> refused = json(explain("--manifests", manifest("mtls.yaml"), "--url",
                "https://strict.example.com/secure", "--json"));
        assertThat(refused).containsEntry("status", 0).containsEntry("outcome", "CLIENT_CERT_REQUIRED")
                .containsEntry("listener", "strict");
        assertThat((String) refused.get("summary")).contains("refuses the TLS handshake", "ConfigMap infra/client-ca",
                "AllowValidOnly");
        Map<String, Object> ok = json(explain("--manifests", manifest("mtls.yaml"), "--url",
                "https://strict.example.com/secure", "--client-cert", "trusted", "--json"));
        assertThat(ok).containsEntry("status", 200).containsEntry("service", "infra/secure");
        assertThat((List<Map<String, Object>>) ok.get("legs")).extracting(l -> l.get("protection"))
                .containsExactly("MUTUAL_TLS", "MUTUAL_TLS", "MUTUAL_TLS");
        assertThat((List<Map<String, Object>>) ok.get("legs")).anySatisfy(l -> assertThat((String) l.get("detail"))
                .contains("the Gateway presents its client certificate (Secret infra/gateway-client)"));
        Map<String, Object> fallback = json(explain("--manifests", manifest("mtls.yaml"), "--url",
                "https://lenient.example.com:8443/", "--json"));
        assertThat(fallback).containsEntry("status", 200);
        assertThat((List<Map<String, Object>>) fallback.get("trace")).anySatisfy(t -> assertThat((String) t.get("reason"))
                .contains("AllowInsecureFallback accepts the connection anyway"));
    }

    @Test
    void theTextSaysTheHandshakeIsRefused() {
        CliRunner.Run run = explain("--manifests", manifest("mtls.yaml"), "--url", "https://strict.example.com/");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("The Gateway refuses the TLS handshake", "[client certificate] handshake refused",
                "The TLS handshake fails: no valid client certificate");
    }
}
