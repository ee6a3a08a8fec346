package dev.gatehouse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiagnosticsTest {

    @Test
    void aHealthySetupHasNoDiagnostics() {
        DiagnosticReport report = LintFixtures.healthy().lint();

        assertThat(report.diagnostics()).isEmpty();
    }

    static Stream<Arguments> scenarios() {
        return LintFixtures.SCENARIOS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachCodeIsProducedByItsScenario(DiagnosticCode code, LintFixtures.Scenario scenario) {
        DiagnosticReport report = scenario.build().lint();

        assertThat(report.withCode(code)).as(report.diagnostics().toString()).isNotEmpty()
                .allSatisfy(d -> {
                    assertThat(d.severity()).isEqualTo(code.severity());
                    assertThat(d.message()).isNotBlank();
                    assertThat(d.hint()).isNotBlank();
                    assertThat(d.object().kind()).isNotBlank();
                });
    }

    @Test
    void everyCodeHasAScenario() {
        assertThat(LintFixtures.SCENARIOS.keySet()).containsExactlyInAnyOrderElementsOf(
                EnumSet.allOf(DiagnosticCode.class));
    }

    @Test
    void sanMismatchSpeaksPlainly() {
        DiagnosticReport report = LintFixtures.SCENARIOS.get(DiagnosticCode.GH201).build().lint();

        assertThat(report.withCode(DiagnosticCode.GH201)).singleElement().satisfies(d -> {
            assertThat(d.object()).isEqualTo(ObjectRef.ingress("shop", "web"));
            assertThat(d.message()).startsWith("The certificate does not cover shop.example.com (it covers"
                    + " www.shop.example.com)");
        });
    }

    @Test
    void expiryThresholdsPickOneCode() {
        Set<DiagnosticCode> soon = codes(LintFixtures.SCENARIOS.get(DiagnosticCode.GH106).build().lint());
        Set<DiagnosticCode> expiring = codes(LintFixtures.SCENARIOS.get(DiagnosticCode.GH107).build().lint());

        assertThat(soon).contains(DiagnosticCode.GH106).doesNotContain(DiagnosticCode.GH107, DiagnosticCode.GH105);
        assertThat(expiring).contains(DiagnosticCode.GH107).doesNotContain(DiagnosticCode.GH106);
    }

    @Test
    void leafNotFirstIsReportedAsOrderNotAsKeyMismatch() {
        DiagnosticReport report = LintFixtures.SCENARIOS.get(DiagnosticCode.GH111).build().lint();

        assertThat(codes(report)).contains(DiagnosticCode.GH111).doesNotContain(DiagnosticCode.GH110);
        assertThat(report.withCode(DiagnosticCode.GH111).get(0).message())
                .contains("ingress-nginx rejects the Secret");
    }

    @Test
    void yamlWithoutSecretsSkipsSecretChecksInsteadOfCallingThemMissing() {
        DiagnosticReport report = LintFixtures.healthy()
                .scope(new ClusterView.Scope(false, true, true)).lint();

        assertThat(codes(report)).containsExactly(DiagnosticCode.GH001);
    }

    @Test
    void reportFiltersBySeverityAndOrdersErrorsFirst() {
        DiagnosticReport report = LintFixtures.SCENARIOS.get(DiagnosticCode.GH101).build().lint();

        assertThat(report.diagnostics().get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(report.atLeast(Severity.ERROR).diagnostics()).allMatch(d -> d.severity() == Severity.ERROR);
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void codesAreDistinctAndSlugsAreKebabCase() {
        assertThat(Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::slug).distinct().count())
                .isEqualTo(DiagnosticCode.values().length);
        assertThat(DiagnosticCode.values()).allSatisfy(c -> assertThat(c.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(DiagnosticCode.GH101.toString()).isEqualTo("GH101 secret-missing");
    }

    private static Set<DiagnosticCode> codes(DiagnosticReport report) {
        return report.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toSet());
    }
}
