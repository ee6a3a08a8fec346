package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LintCommandTest {

    private static CliRunner.Run lint(String... args) {
        return CliRunner.run(new LintCommand(CliRunner.factory()), args);
    }

    @Test
    void healthyFixtureIsClean() {
        CliRunner.Run run = lint("-f", CliRunner.fixture("shop").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No problems found.\n");
    }

    @Test
    void problemsArePrintedWithCodeSeverityObjectMessageAndFixAndExitWith1() {
        CliRunner.Run run = lint("-f", CliRunner.fixture("problems").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("error    GH101 secret-missing  Ingress legacy/legacy\n")
                .contains("The Secret legacy/admin-tls named in the tls section does not exist")
                .contains("error    GH105 certificate-expired  Secret legacy/legacy-tls")
                .contains("The certificate \"legacy.example.com\" expired 11 days ago")
                .contains("GH112 chain-incomplete")
                .contains("GH401 service-missing")
                .contains("GH403 no-ready-endpoints")
                .contains("GH601 backend-https-unverified")
                .contains("GH206 ssl-redirect-off")
                .contains("         fix: ")
                .containsPattern("\\d+ errors, \\d+ warnings, \\d+ info\\n$");
    }

    @Test
    void minSeverityFiltersOutputButNotTheExitCode() {
        CliRunner.Run run = lint("-f", CliRunner.fixture("problems").toString(), "--min-severity", "ERROR");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("warning  ").contains("shown)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonIsAnArrayWithCodeSeverityObjectMessageAndHint() {
        CliRunner.Run run = lint("--manifests", CliRunner.fixture("problems").toString(), "--json",
                "--min-severity", "warning");

        assertThat(run.exitCode()).isEqualTo(1);
        List<Map<String, Object>> diagnostics = Serialization.unmarshal(run.out(), List.class);
        assertThat(diagnostics).isNotEmpty().allSatisfy(d -> assertThat(d)
                .containsKeys("code", "severity", "object", "message", "hint"));
        assertThat(diagnostics).extracting(d -> d.get("severity")).doesNotContain("info");
        assertThat(diagnostics).filteredOn(d -> "GH101".equals(d.get("code"))).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("severity", "error").containsEntry("object", "Ingress/legacy/legacy");
            assertThat((String) d.get("message")).contains("legacy/admin-tls");
            assertThat((String) d.get("hint")).isNotBlank();
        });
        assertThat(diagnostics).extracting(d -> d.get("object")).contains("Secret/legacy/legacy-tls");
        assertThat(lint("-f", CliRunner.fixture("problems").toString(), "-o", "json", "--min-severity", "warning")
                .out()).as("-o json is the same output").isEqualTo(run.out());
    }

    @Test
    void cleanJsonIsAnEmptyArray() {
        CliRunner.Run run = lint("--manifests", CliRunner.fixture("shop").toString(), "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().trim()).isEqualTo("[ ]");
    }

    @Test
    void manifestsTakesSeveralPathsAfterOneOption() {
        String shop = CliRunner.fixture("shop").toString();
        CliRunner.Run run = lint("--manifests", shop + "/ingress.yaml", shop + "/secret.yaml", shop + "/services.yaml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No problems found.\n");
        assertThat(lint("-f", shop + "/ingress.yaml", "-f", shop + "/secret.yaml", "--filename",
                shop + "/services.yaml").out()).isEqualTo("No problems found.\n");
    }

    @Test
    void atJudgesExpiryAtThatTime() {
        String shop = CliRunner.fixture("shop").toString();

        CliRunner.Run later = lint("--manifests", shop, "--at", "2036-02-01T00:00:00Z");
        assertThat(later.exitCode()).isEqualTo(1);
        assertThat(later.out()).contains("error    GH105 certificate-expired  Secret shop/shop-tls");

        CliRunner.Run nearEnd = lint("--manifests", shop, "--at", "2035-12-15");
        assertThat(nearEnd.out()).contains("GH107 certificate-expiring").doesNotContain("GH105");
        assertThat(nearEnd.exitCode()).isZero();
    }

    @Test
    void badAtIsAUsageError() {
        CliRunner.Run run = lint("--manifests", CliRunner.fixture("shop").toString(), "--at", "next tuesday");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected a time such as 2026-12-01T10:00:00Z or a date such as 2026-12-01,"
                + " not 'next tuesday'");
    }

    @Test
    void badInputIsExitCode2() {
        CliRunner.Run run = lint("-f", CliRunner.fixture("broken").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("bad.yaml");
    }

    @Test
    void unknownSeverityIsAUsageError() {
        CliRunner.Run run = lint("-f", CliRunner.fixture("shop").toString(), "--min-severity", "loud");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected error, warning or info");
    }
}
