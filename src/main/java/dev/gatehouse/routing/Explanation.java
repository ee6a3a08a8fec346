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
 */
public record Explanation(ProbeRequest request, Decision decision, Optional<RouteMatch> route,
                          Optional<ResolvedBackend> backend, Optional<ServedCertificate> certificate, List<Leg> legs,
                          List<TraceStep> trace, Carriage carriage) {

    public Explanation {
        legs = List.copyOf(legs);
        trace = List.copyOf(trace);
    }

    /** The leg of the given kind. */
    public Optional<Leg> leg(Leg.Kind kind) {
        return legs.stream().filter(l -> l.kind() == kind).findFirst();
    }
}
