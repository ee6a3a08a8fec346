package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import java.util.List;

/**
 * A TLSRoute attached to a TLS listener: connections whose SNI matches {@code hostname} go to its backends
 * (TLS passed through when the listener's mode is Passthrough).
 *
 * @param route    the TLSRoute
 * @param hostname the hostname the route and the listener share
 * @param backends the first rule's backendRefs, checked
 */
public record TlsRouteTarget(ObjectRef route, HostPattern hostname, List<GatewayBackend> backends) {

    public TlsRouteTarget {
        backends = List.copyOf(backends);
    }
}
