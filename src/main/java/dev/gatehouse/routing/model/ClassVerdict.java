package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Optional;

/**
 * Whether the modelled controller handles an Ingress, and why.
 *
 * @param ingress   the Ingress
 * @param ref       its reference
 * @param status    handled, or why not
 * @param className the class it asks for (or the default class it falls into)
 * @param source    where the class came from
 * @param reason    a plain sentence for traces and messages
 */
public record ClassVerdict(Ingress ingress, ObjectRef ref, Status status, Optional<String> className,
                           Source source, String reason) {

    /** Outcome of class selection. */
    public enum Status {
        /** The controller handles the Ingress. */
        ACCEPTED,
        /** Another controller's class: ignored here. */
        FOREIGN,
        /** {@code spec.ingressClassName} names an IngressClass that does not exist. */
        UNKNOWN_CLASS,
        /** No class, and no default IngressClass: no controller handles it. */
        NO_CLASS
    }

    /** Where the class came from. */
    public enum Source { SPEC, LEGACY_ANNOTATION, DEFAULT_CLASS, WITHOUT_CLASS_FLAG, NONE }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
