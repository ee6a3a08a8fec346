package dev.gatehouse.proxy.route;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks the number that chooses among the weighted backends of a matched rule, per request: a number in
 * {@code [0, total)} that {@link dev.gatehouse.routing.RoutingSnapshot#explain(dev.gatehouse.routing.ProbeRequest,
 * long)} turns into a backend (each backend takes a run as long as its weight; weight 0 never). Random by default;
 * tests inject a deterministic one.
 */
@FunctionalInterface
public interface WeightDraw {

    /** A number in {@code [0, total)}; {@code total} is at least 1. */
    long draw(long total);

    /** Uniformly random, so backends get traffic in proportion to their weights. */
    static WeightDraw random() {
        return total -> ThreadLocalRandom.current().nextLong(total);
    }
}
