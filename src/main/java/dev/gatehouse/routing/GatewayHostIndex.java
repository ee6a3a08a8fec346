package dev.gatehouse.routing;

import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayRule;
import dev.gatehouse.routing.gateway.ListenerKey;
import dev.gatehouse.routing.gateway.RouteState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A snapshot's HTTPRoute rules per listener and its routes, found by request host ({@link HostBuckets}); built on first use. */
final class GatewayHostIndex {

    private final GatewayModel gateways;
    private final Map<ListenerKey, HostBuckets<GatewayRule>> rules = new ConcurrentHashMap<>();
    private volatile HostBuckets<RouteState> routes;

    GatewayHostIndex(GatewayModel gateways) {
        this.gateways = gateways;
    }

    /** The listener's rules whose hostname may match the host, in the spec's precedence order. */
    List<GatewayRule> rules(ListenerKey listener, String host) {
        return rules.computeIfAbsent(listener, k -> new HostBuckets<>(gateways.rules(k), r -> List.of(r.hostname())))
                .candidates(host);
    }

    /** The routes whose hostnames may match the host (or that have none), in the model's order. */
    List<RouteState> routes(String host) {
        HostBuckets<RouteState> index = routes;
        if (index == null) {
            index = new HostBuckets<>(gateways.routes(), RouteState::hostnames);
            routes = index; // racy but idempotent
        }
        return index.candidates(host);
    }
}
