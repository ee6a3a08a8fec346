package dev.gatehouse.routing;

import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Linter;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.Upstream;
import java.util.List;
import java.util.Optional;

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
        return NginxPath.explain(request, explainer::explain); // the path as nginx matches it, then the rules
    }

    /** All diagnostics of the view. */
    public DiagnosticReport diagnose() {
        return new Linter().lint(model);
    }

    /**
     * The controller → Service and Service → Pods legs of one rule of the route model as every request it
     * takes gets them, judged exactly as {@link #explain} judges them (its {@link RouteRule#upstream()} is the
     * explanation's {@link Explanation#carriage()}). For views that draw a lane per rule without a request (the
     * path view).
     *
     * @param rule a rule or fallback of a {@link dev.gatehouse.routing.route.VirtualHost} of this snapshot
     */
    public List<Leg> backendLegs(RouteRule rule) {
        ResolvedBackend resolved = backend(rule);
        Outcome outcome = resolved.servesTraffic() ? Outcome.ROUTED : Outcome.SERVICE_UNAVAILABLE;
        Leg toService = LegAssessor.backend(Optional.of(rule.upstream().orElse(Upstream.PLAIN_HTTP)),
                Optional.of(resolved), outcome);
        return List.of(toService, LegAssessor.endpoints(toService, Optional.of(resolved)));
    }

    /** The backend of a rule as the engine looks it up: its first backend ("the path has no backend" without one). */
    public ResolvedBackend backend(RouteRule rule) {
        return rule.firstBackend().map(b -> model.backends().resolve(b)).orElseGet(ResolvedBackend::none);
    }

    /** The derived model (class verdicts, merged servers, Secret states) for views that show it. */
    public RoutingModel model() {
        return model;
    }
}
