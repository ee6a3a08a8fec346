package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ObjectRef;
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
 */
public record GatewayFacts(ObjectRef gateway, String listener, Optional<ObjectRef> httpRoute, OptionalInt rule,
                           Optional<String> upstreamPath, Optional<String> upstreamHost, List<Backend> backends) {

    public GatewayFacts {
        backends = List.copyOf(backends);
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
