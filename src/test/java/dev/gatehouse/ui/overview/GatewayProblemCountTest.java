package dev.gatehouse.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.input.ObjectRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Overview counts the Gateway API's problems by severity, as it counts the Ingresses'. */
class GatewayProblemCountTest {
    private static final ObjectRef GATEWAY = new ObjectRef("Gateway", "edge", "main");
    private static final ObjectRef ROUTE = new ObjectRef("HTTPRoute", "web", "apex");

    @Test
    void gatewayAndRouteDiagnosticsCountBySeverityOthersDoNot() {
        DiagnosticReport report = new DiagnosticReport(List.of(
                Diagnostic.of(DiagnosticCode.GH705, GATEWAY, "not permitted", "grant"),
                Diagnostic.of(DiagnosticCode.GH711, ROUTE, "attached nowhere", "fix"),
                Diagnostic.of(DiagnosticCode.GH717, ROUTE, "plain HTTP", "redirect"),
                Diagnostic.of(DiagnosticCode.GH719, ROUTE, "mirror not modelled", ""),
                Diagnostic.of(DiagnosticCode.GH101, ObjectRef.ingress("shop", "blog"), "Secret missing", "create")));
        assertThat(OverviewViewModel.gatewayProblems(report, 3)).isEqualTo("Gateway API: 2 errors · 1 warning");
    }

    @Test
    void noGatewayApiObjectsNoLineAndHealthyOnesSaySo() {
        DiagnosticReport none = new DiagnosticReport(List.of());
        assertThat(OverviewViewModel.gatewayProblems(none, 0)).isEmpty();
        assertThat(OverviewViewModel.gatewayProblems(none, 4)).isEqualTo("Gateway API: no problems");
    }
}
