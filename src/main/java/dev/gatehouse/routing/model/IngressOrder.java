package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;

/**
 * The order in which ingress-nginx processes Ingresses: older creationTimestamp first, then by
 * namespace/name. The first Ingress wins every conflict. Ingresses without a timestamp (YAML files)
 * count as oldest and are then ordered by namespace/name.
 */
public final class IngressOrder {

    /** Oldest first; ties by namespace/name. */
    public static final Comparator<Ingress> OLDEST_FIRST = Comparator
            .comparing((Ingress i) -> created(i).orElse(Instant.EPOCH))
            .thenComparing(ObjectRef::namespaceOf)
            .thenComparing(ObjectRef::nameOf);

    private IngressOrder() {
    }

    /** The creation time, if set and readable. */
    public static Optional<Instant> created(Ingress ingress) {
        String ts = ingress.getMetadata() == null ? null : ingress.getMetadata().getCreationTimestamp();
        if (ts == null || ts.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(ts));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Why {@code winner} comes before {@code loser}, in words. */
    public static String why(Ingress winner, Ingress loser) {
        Optional<Instant> a = created(winner);
        Optional<Instant> b = created(loser);
        if (a.isPresent() && b.isPresent() && !a.get().equals(b.get())) {
            return "it is older (created " + a.get() + ", the other " + b.get() + ")";
        }
        return a.isEmpty() && b.isPresent() ? "it has no creation time, so it counts as oldest"
                : "with equal creation times the namespace/name comes first alphabetically";
    }
}
