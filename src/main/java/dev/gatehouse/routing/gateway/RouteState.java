package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import java.util.List;
import java.util.Optional;

/**
 * One HTTPRoute, GRPCRoute or TLSRoute and its status per parent.
 *
 * @param ref       the route ({@code kind} is HTTPRoute, GRPCRoute or TLSRoute)
 * @param hostnames {@code spec.hostnames}
 * @param created   {@code metadata.creationTimestamp} as written ("" when absent: counts as newest)
 * @param parents   status per parentRef, in order
 */
public record RouteState(ObjectRef ref, List<HostPattern> hostnames, String created, List<ParentStatus> parents) {

    public RouteState {
        hostnames = List.copyOf(hostnames);
        parents = List.copyOf(parents);
    }

    /** Attached to at least one listener. */
    public boolean attached() {
        return parents.stream().anyMatch(p -> p.accepted().status());
    }

    /** The status for a parent, if the route names it. */
    public Optional<ParentStatus> parent(ObjectRef gateway) {
        return parents.stream().filter(p -> p.parent().equals(gateway)).findFirst();
    }
}
