package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.RouteFilter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a Gateway answer adds to an {@link Explanation}: which Gateway, listener, HTTPRoute and rule took the
 * request, the path the backend receives and the weighted backends of the rule.
 *
 * @param gateway      the Gateway
 * @param listener     the listener's name
 * @param httpRoute    the HTTPRoute whose rule took the request, if one did
 * @param rule         0-based index of that rule in the route
 * @param upstreamPath the path (and query) the backend receives after URLRewrite, when the request is proxied
 * @param upstreamHost the Host header the backend receives (the request's unless URLRewrite changes it)
 * @param backends     the rule's backendRefs with their weights, in order
 * @param headerChanges the rule's RequestHeaderModifier and ResponseHeaderModifier filters, in order
 * @param pathRewritten a URLRewrite filter changes the path ({@link #upstreamPath()} is then what the backend gets)
 * @param listenerPort the port of the listener that took the request
 */
public record GatewayFacts(ObjectRef gateway, String listener, Optional<ObjectRef> httpRoute, OptionalInt rule,
                           Optional<String> upstreamPath, Optional<String> upstreamHost, List<Backend> backends,
                           List<RouteFilter.HeaderChange> headerChanges, boolean pathRewritten, int listenerPort) {

    public GatewayFacts {
        backends = List.copyOf(backends);
        headerChanges = List.copyOf(headerChanges);
    }

    /** Facts without header changes or rewrite (a passthrough answer). */
    public GatewayFacts(ObjectRef gateway, String listener, Optional<ObjectRef> httpRoute, OptionalInt rule,
                        Optional<String> upstreamPath, Optional<String> upstreamHost, List<Backend> backends) {
        this(gateway, listener, httpRoute, rule, upstreamPath, upstreamHost, backends, List.of(), false, 0);
    }

    /**
     * The total weight the proxy draws from to split traffic: the weights of the valid backends (0 = never); the
     * draw for {@link dev.gatehouse.routing.RoutingSnapshot#explain(dev.gatehouse.routing.ProbeRequest, long)}.
     */
    public long totalWeight() {
        return backends.stream().filter(Backend::valid).mapToLong(Backend::weight).filter(w -> w > 0).sum();
    }

    /**
     * One backendRef of the matched rule.
     *
     * @param service {@code namespace/name}
     * @param port    the port, when given
     * @param weight  its weight (0 = never chosen)
     * @param valid   whether the Gateway can send to it (an invalid one answers 500 for its share)
     */
    public record Backend(String service, Optional<Integer> port, int weight, boolean valid) {
    }
}
