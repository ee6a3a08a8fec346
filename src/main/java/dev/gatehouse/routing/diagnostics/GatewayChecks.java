package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.model.RoutingModel;

/** GH7xx: Gateway API listeners, certificates, routes and backends. */
final class GatewayChecks {

    void run(RoutingModel model, GatewayModel gateways, Findings findings) {
        if (gateways.isEmpty()) {
            return;
        }
    }
}
