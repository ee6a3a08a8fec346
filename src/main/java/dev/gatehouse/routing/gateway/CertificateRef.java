package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.SecretState;
import java.util.Optional;

/**
 * One {@code tls.certificateRefs} entry of a listener, resolved.
 *
 * @param secret     the Secret it names (namespace defaulted to the Gateway's)
 * @param resolution whether the listener can use it
 * @param state      the Secret's analysis (certificate, key, chain), when it is a Secret reference
 * @param reason     a plain sentence
 */
public record CertificateRef(ObjectRef secret, Resolution resolution, Optional<SecretState> state, String reason) {

    /** What became of the reference. */
    public enum Resolution {
        /** A usable {@code kubernetes.io/tls} Secret (or one not in the input, assumed fine). */
        RESOLVED,
        /** In another namespace without a ReferenceGrant ({@code RefNotPermitted}). */
        NOT_PERMITTED,
        /** Missing, malformed, or not a Secret ({@code InvalidCertificateRef}). */
        INVALID
    }

    public boolean usable() {
        return resolution == Resolution.RESOLVED;
    }
}
