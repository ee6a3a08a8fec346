package dev.gatehouse.probe;

import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.input.ObjectRef;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine predicts for a host, from the objects.
 *
 * @param host        the host
 * @param certificate the certificate the controller should serve for that SNI (empty: the host has no TLS)
 * @param hsts        the {@code Strict-Transport-Security} value an HTTPS response should carry, if any
 * @param ingress     the Ingress that decides the host (whose {@code status.loadBalancer} gives the address)
 * @param knownLeaves every serving certificate of the input's Secrets, by SHA-256 fingerprint: which Secret it is
 */
public record Expectation(String host, Optional<ServedCertificate> certificate, Optional<String> hsts,
                          Optional<ObjectRef> ingress, Map<String, ObjectRef> knownLeaves) {

    public Expectation {
        knownLeaves = Map.copyOf(knownLeaves);
    }

    /** The fingerprint of the certificate expected, when a Secret's certificate is expected and known. */
    public Optional<String> expectedFingerprint() {
        return certificate.filter(ServedCertificate.FromSecret.class::isInstance)
                .map(ServedCertificate.FromSecret.class::cast)
                .flatMap(ServedCertificate.FromSecret::certificate)
                .map(c -> c.sha256Fingerprint());
    }
}
