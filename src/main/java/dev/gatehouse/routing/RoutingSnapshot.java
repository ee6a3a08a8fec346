package dev.gatehouse.routing;

import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Linter;
import dev.gatehouse.routing.gateway.GatewayBackend;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayModelBuilder;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.input.ObjectRef;
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
    private final GatewayModel gateways;
    private final Explainer explainer;
    private final GatewayExplainer gatewayExplainer;

    RoutingSnapshot(RoutingModel model) {
        this(model, new GatewayModelBuilder(model.view(), model.secrets(), model.backends()).build());
    }

    RoutingSnapshot(RoutingModel model, GatewayModel gateways) {
        this.model = model;
        this.gateways = gateways;
        this.explainer = new Explainer(model);
        this.gatewayExplainer = new GatewayExplainer(gateways, model);
    }

    /**
     * Where the request goes and why. Never throws for any valid {@link ProbeRequest}. A request that a Gateway
     * listener of the input takes (its port, protocol and hostname: SNI for https, Host for http) is answered
     * by the Gateway ({@link Explanation#gateway()} present); any other by the Ingress engine. The first trace
     * step of an input with Gateways says which one answered and why.
     */
    public Explanation explain(ProbeRequest request) {
        return NginxPath.explain(request, this::route); // the path as nginx matches it, then the rules
    }

    /**
     * Like {@link #explain(ProbeRequest)}, with {@code draw} choosing among the weighted backends of a matched
     * HTTPRoute rule: a number in {@code [0, GatewayFacts.totalWeight())}, each backend taking a run of numbers as
     * long as its weight, in order (weight 0 = never). The proxy draws one per request; {@code explain} uses 0.
     */
    public Explanation explain(ProbeRequest request, long draw) {
        return NginxPath.explain(request, r -> route(r, draw));
    }

    /**
     * The certificate {@link #explain} reports for an HTTPS request ({@link Explanation#certificate()}), without the
     * rest of the explanation: the proxy asks it for every host of the rules when it (re)builds its TLS table.
     */
    public Optional<ServedCertificate> certificate(ProbeRequest request) {
        if (gatewayExplainer.takes(request)) {
            return explain(request).certificate();
        }
        return explainer.certificate(request);
    }

    /** This snapshot with only the Gateways of one GatewayClass (the Ingress side unchanged). */
    public RoutingSnapshot withGatewayClass(String className) {
        return new RoutingSnapshot(model, gateways.onlyClass(className));
    }

    private Explanation route(ProbeRequest request) {
        return route(request, 0);
    }

    private Explanation route(ProbeRequest request, long draw) {
        if (gatewayExplainer.takes(request)) {
            return gatewayExplainer.explain(request, draw);
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

    /**
     * The Gateway → Service and Service → Pods legs of one backendRef of an HTTPRoute rule, as a request the rule
     * sends there is carried: plain HTTP, or a BackendTLSPolicy's verified re-encryption.
     */
    public List<Leg> gatewayBackendLegs(GatewayBackend backend) {
        return gatewayBackendLegs(backend, Optional.empty());
    }

    /**
     * The same legs as a request through {@code gateway} gets them: with its backend client certificate
     * ({@code spec.tls.backend.clientCertificateRef}) on a TLS leg.
     */
    public List<Leg> gatewayBackendLegs(GatewayBackend backend, Optional<ObjectRef> gateway) {
        ResolvedBackend resolved = gatewayBackend(backend);
        Outcome outcome = backend.valid() && resolved.servesTraffic() ? Outcome.ROUTED : Outcome.SERVICE_UNAVAILABLE;
        Upstream up = gateway.flatMap(g -> gateways().gateway(g)).map(g -> g.carrying(backend.upstream()))
                .orElse(backend.upstream());
        Leg toService = GatewayLegs.toService(backend, up, resolved, outcome);
        return List.of(toService, LegAssessor.endpoints(toService, Optional.of(resolved)));
    }

    /** A Gateway backendRef's Service, looked up as the engine does. */
    public ResolvedBackend gatewayBackend(GatewayBackend backend) {
        return model.backends().resolve(backend.ref());
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
