package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Optional;

/**
 * How a host got its TLS certificate, following ingress-nginx: the first Ingress (oldest) with a rule
 * for the host and a {@code tls} section decides. A TLS entry listing the host is used; otherwise an
 * entry whose certificate covers the host; otherwise (and whenever the Secret cannot be used or does
 * not cover the host) the controller's default fake certificate.
 *
 * @param ingress      the Ingress whose {@code tls} section applies
 * @param source       how the TLS entry was chosen
 * @param tlsIndex     0-based index of the chosen {@code tls[]} entry
 * @param secret       the chosen Secret's state
 * @param servesSecret true when the Secret's certificate is served; false = default certificate
 * @param reason       a plain sentence explaining the outcome
 */
public record TlsBinding(ObjectRef ingress, Source source, Optional<Integer> tlsIndex, Optional<SecretState> secret,
                         boolean servesSecret, String reason) {

    /** How the TLS entry was chosen. */
    public enum Source {
        /** A {@code tls[].hosts} entry names the host. */
        LISTED_HOST,
        /** No entry names it, but an entry's certificate covers it. */
        CERTIFICATE_COVERS_HOST,
        /** The Ingress has a tls section that does not apply to the host. */
        NOT_LISTED
    }
}
