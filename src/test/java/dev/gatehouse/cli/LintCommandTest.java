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
    void jsonOutput() {
        CliRunner.Run run = lint("-f", CliRunner.fixture("problems").toString(), "-o", "json",
                "--min-severity", "warning");

        Map<String, Object> json = Serialization.unmarshal(run.out(), Map.class);
        assertThat((Map<String, Object>) json.get("summary")).containsKeys("errors", "warnings", "infos");
        List<Map<String, Object>> diagnostics = (List<Map<String, Object>>) json.get("diagnostics");
        assertThat(diagnostics).isNotEmpty().allSatisfy(d -> assertThat(d)
                .containsKeys("code", "slug", "severity", "object", "message", "hint"));
        assertThat(diagnostics).extracting(d -> d.get("severity")).doesNotContain("info");
        assertThat(diagnostics).extracting(d -> d.get("code")).contains("GH101", "GH105");
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
