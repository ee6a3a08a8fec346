package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.model.RoutingModel;

/** One group of checks over the routing model. */
interface Check {
    void run(RoutingModel model, Findings findings);
}
