package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.Upstream;
import java.util.Optional;

/**
 * One {@code backendRefs} entry of an HTTPRoute rule, checked.
 *
 * @param ref      the neutral reference (Service, namespace, port, weight)
 * @param upstream how the Gateway speaks to it (BackendTLSPolicy → verified HTTPS, else plain HTTP)
 * @param policy   the BackendTLSPolicy that applies, if any
 * @param invalid  why the backend cannot take traffic (reason and sentence), when it cannot
 */
public record GatewayBackend(BackendRef ref, Upstream upstream, Optional<ObjectRef> policy,
                             Optional<Problem> invalid) {

    /**
     * Why a backendRef is invalid.
     *
     * @param reason  the ResolvedRefs reason ({@code BackendNotFound}, {@code RefNotPermitted}, {@code InvalidKind})
     *                or {@code InvalidCACertificateRef} for a BackendTLSPolicy whose CA cannot be read
     * @param message a plain sentence
     */
    public record Problem(String reason, String message) {
    }

    /** The Gateway can send traffic to it. */
    public boolean valid() {
        return invalid.isEmpty();
    }

    /** {@code Service shop/web port 8080 (weight 90)}. */
    public String display() {
        return (ref.kind() == BackendRef.Kind.SERVICE ? "Service " : "") + ref.namespace() + "/" + ref.name()
                + (ref.port().isEmpty() ? "" : " port " + ref.port()) + " (weight " + ref.weight() + ")";
    }
}
