package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayModelBuilder;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.tls.TrustAnchors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every check over a routing model and returns the diagnostics, most serious first. */
public final class Linter {

    private static final Logger LOG = LoggerFactory.getLogger(Linter.class);

    private final List<Check> checks = List.of(new ClassChecks(), new HostChecks(), new SecretChecks(),
            new PathChecks(), new BackendChecks(), new AnnotationChecks());

    /** Lints an already built model (Ingress only). */
    public DiagnosticReport lint(RoutingModel model) {
        return lint(model, GatewayModel.EMPTY);
    }

    /** Lints an already built model and its Gateway API objects. */
    public DiagnosticReport lint(RoutingModel model, GatewayModel gateways) {
        Findings findings = new Findings();
        scope(model, findings);
        for (Check check : checks) {
            try {
                check.run(model, findings);
            } catch (RuntimeException e) {
                // A check must never take the others down; the failure is a bug, not the user's input.
                LOG.warn("Check {} failed: {}", check.getClass().getSimpleName(), e.toString(), e);
            }
        }
        try {
            new GatewayChecks().run(model, gateways, findings);
        } catch (RuntimeException e) {
            LOG.warn("Gateway checks failed: {}", e.toString(), e);
        }
        DiagnosticReport report = new DiagnosticReport(findings.all());
        LOG.debug("Lint: {} errors, {} warnings, {} infos", report.count(Severity.ERROR),
                report.count(Severity.WARNING), report.count(Severity.INFO));
        return report;
    }

    /** Lints a view with the given controller, clock and trusted roots. */
    public DiagnosticReport lint(ClusterView view, ControllerProfile profile, Clock clock, TrustAnchors anchors) {
        RoutingModel model = RoutingModel.build(view, profile, clock, anchors);
        return lint(model, new GatewayModelBuilder(view, model.secrets(), model.backends()).build());
    }

    private static void scope(RoutingModel model, Findings findings) {
        ClusterView.Scope scope = model.view().scope();
        List<String> missing = new ArrayList<>();
        if (!scope.secrets()) {
            missing.add("Secrets");
        }
        if (!scope.services()) {
            missing.add("Services");
        }
        if (!scope.endpointSlices()) {
            missing.add("EndpointSlices");
        }
        if (!missing.isEmpty() && !model.view().ingresses().isEmpty()) {
            findings.add(DiagnosticCode.GH001, new ObjectRef("Input", "", String.join(", ", missing)),
                    "The input holds no " + String.join(", no ", missing) + "; checks that need them were skipped",
                    "Add them to the input (kubectl get secret,service,endpointslice -o yaml) for a complete check");
        }
    }
}
