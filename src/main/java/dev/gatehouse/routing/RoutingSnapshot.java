package dev.gatehouse.routing;

import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Linter;
import dev.gatehouse.routing.model.RoutingModel;

/**
 * The engine's reading of a view at one moment. Explanations and diagnostics from one snapshot agree
 * with each other. Immutable apart from internal caches; safe to share between threads (a proxy can
 * keep one until the view changes).
 */
public final class RoutingSnapshot {

    private final RoutingModel model;
    private final Explainer explainer;

    RoutingSnapshot(RoutingModel model) {
        this.model = model;
        this.explainer = new Explainer(model);
    }

    /** Where the request goes and why. Never throws for any valid {@link ProbeRequest}. */
    public Explanation explain(ProbeRequest request) {
        return explainer.explain(request);
    }

    /** All diagnostics of the view. */
    public DiagnosticReport diagnose() {
        return new Linter().lint(model);
    }

    /** The derived model (class verdicts, merged servers, Secret states) for views that show it. */
    public RoutingModel model() {
        return model;
    }
}
