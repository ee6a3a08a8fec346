package dev.gatehouse.routing;

import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.Carriage;
import java.util.List;
import java.util.Optional;

/**
 * Where a request goes and why.
 *
 * @param request     the request explained
 * @param decision    status and outcome
 * @param route       the Ingress rule and path that took it, if any
 * @param backend     the backend Service, port and endpoints, if any
 * @param certificate the certificate served (https only)
 * @param legs        client → controller, controller → Service, Service → Pods
 * @param trace       why candidates were chosen, lost or ignored, in decision order
 * @param carriage    how the request is carried: protocol and TLS to the backend, HSTS on the response.
 *                    The legs are derived from it and the proxy does what it says.
 * @param gateway     the Gateway, listener, HTTPRoute rule and backends, when a Gateway listener answered
 *                    (empty for Ingress answers)
 */
public record Explanation(ProbeRequest request, Decision decision, Optional<RouteMatch> route,
                          Optional<ResolvedBackend> backend, Optional<ServedCertificate> certificate, List<Leg> legs,
                          List<TraceStep> trace, Carriage carriage, Optional<GatewayFacts> gateway) {

    public Explanation {
        legs = List.copyOf(legs);
        trace = List.copyOf(trace);
        gateway = gateway == null ? Optional.empty() : gateway;
    }

    /** An Ingress answer (no Gateway facts). */
    public Explanation(ProbeRequest request, Decision decision, Optional<RouteMatch> route,
                       Optional<ResolvedBackend> backend, Optional<ServedCertificate> certificate, List<Leg> legs,
                       List<TraceStep> trace, Carriage carriage) {
        this(request, decision, route, backend, certificate, legs, trace, carriage, Optional.empty());
    }

    /** This explanation with one more trace step first (which engine answered and why). */
    Explanation withFirstStep(TraceStep step) {
        List<TraceStep> steps = new java.util.ArrayList<>();
        steps.add(step);
        steps.addAll(trace);
        return new Explanation(request, decision, route, backend, certificate, legs, steps, carriage, gateway);
    }

    /** The leg of the given kind. */
    public Optional<Leg> leg(Leg.Kind kind) {
        return legs.stream().filter(l -> l.kind() == kind).findFirst();
    }
}
