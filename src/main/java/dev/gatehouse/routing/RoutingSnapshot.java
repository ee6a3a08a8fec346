package dev.gatehouse.routing;

import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Linter;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayModelBuilder;
import dev.gatehouse.routing.model.NginxAnnotations;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.UpstreamPolicy;
import dev.gatehouse.routing.route.Upstream;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import java.util.List;
import java.util.Optional;

/**
 * The engine's reading of a view at one moment. Explanations and diagnostics from one snapshot agree
 * with each other. Immutable apart from internal caches; safe to share between threads (a proxy can
 * keep one until the view changes).
 */
public final class RoutingSnapshot {

    private final RoutingModel model;
    private final GatewayModel gateways;
    private final Explainer explainer;
    private final GatewayExplainer gatewayExplainer;
    private final UpstreamPolicy upstreams;

    RoutingSnapshot(RoutingModel model) {
        this(model, new GatewayModelBuilder(model.view(), model.secrets(), model.backends()).build());
    }

    RoutingSnapshot(RoutingModel model, GatewayModel gateways) {
        this.model = model;
        this.gateways = gateways;
        this.explainer = new Explainer(model);
        this.gatewayExplainer = new GatewayExplainer(gateways, model);
        this.upstreams = new UpstreamPolicy(model.secrets());
    }

    /**
     * Where the request goes and why. Never throws for any valid {@link ProbeRequest}. A request that a Gateway
     * listener of the input takes (its port, protocol and hostname: SNI for https, Host for http) is answered
     * by the Gateway ({@link Explanation#gateway()} present); any other by the Ingress engine. The first trace
     * step of an input with Gateways says which one answered and why.
     */
    public Explanation explain(ProbeRequest request) {
        if (gatewayExplainer.takes(request)) {
            return gatewayExplainer.explain(request);
        }
        Explanation ingress = explainer.explain(request);
        return gatewayExplainer.whyNotGateway(request).map(ingress::withFirstStep).orElse(ingress);
    }

    /** All diagnostics of the view (Ingress and Gateway API). */
    public DiagnosticReport diagnose() {
        return new Linter().lint(model, gateways);
    }

    /** The Gateway API model of the view (Gateways, listeners, routes and their status). */
    public GatewayModel gateways() {
        return gateways;
    }

    /**
     * The controller → Service and Service → Pods legs of one backend as every request it serves gets
     * them, judged exactly as {@link #explain} judges them. For views that draw a lane per Ingress path
     * without a request (the path view).
     *
     * @param namespace   the namespace of the Ingress that names the backend
     * @param backend     the backend of a path or {@code spec.defaultBackend}
     * @param annotations the annotations of the location (those of the Ingress that owns the path)
     */
    public List<Leg> backendLegs(String namespace, IngressBackend backend, NginxAnnotations annotations) {
        ResolvedBackend resolved = model.backends().resolve(namespace, backend);
        Outcome outcome = resolved.servesTraffic() ? Outcome.ROUTED : Outcome.SERVICE_UNAVAILABLE;
        Leg toService = LegAssessor.backend(Optional.of(upstream(annotations, resolved)), Optional.of(resolved), outcome);
        return List.of(toService, LegAssessor.endpoints(toService, Optional.of(resolved)));
    }

    /**
     * How the controller speaks to a backend of a location, decided exactly as {@link #explain} decides it
     * ({@link Explanation#carriage()}).
     */
    public Upstream upstream(NginxAnnotations annotations, ResolvedBackend backend) {
        return upstreams.decide(annotations, backend.service());
    }

    /** The derived model (class verdicts, merged servers, Secret states) for views that show it. */
    public RoutingModel model() {
        return model;
    }
}
