package dev.gatehouse.routing.route;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks a backend of a matched rule by weight, or says what the controller answers when none can take
 * traffic. A weight of 0 is never chosen; the others share the traffic in proportion to their weights.
 *
 * @param backend the chosen backend, if any
 * @param status  0 when a backend was chosen, else the rule's {@link NoValidBackend} status
 *                (404 when the rule names no backend at all)
 */
public record BackendChoice(Optional<BackendRef> backend, int status) {

    /**
     * @param rule   the matched rule
     * @param usable whether a backend can take traffic
     * @param draw   a number in {@code [0, total weight of the usable backends)} choosing among them
     */
    public static BackendChoice choose(RouteRule rule, Predicate<BackendRef> usable, long draw) {
        if (rule.backends().isEmpty()) {
            return new BackendChoice(Optional.empty(), 404);
        }
        List<BackendRef> candidates = rule.backends().stream().filter(b -> b.weight() > 0).filter(usable).toList();
        long total = candidates.stream().mapToLong(BackendRef::weight).sum();
        if (total == 0) {
            return new BackendChoice(Optional.empty(), rule.noBackend().status());
        }
        long point = Math.floorMod(draw, total);
        for (BackendRef candidate : candidates) {
            point -= candidate.weight();
            if (point < 0) {
                return new BackendChoice(Optional.of(candidate), 0);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The total weight the draw is taken from. */
    public static long totalWeight(RouteRule rule, Predicate<BackendRef> usable) {
        return rule.backends().stream().filter(b -> b.weight() > 0).filter(usable).mapToLong(BackendRef::weight).sum();
    }
}
