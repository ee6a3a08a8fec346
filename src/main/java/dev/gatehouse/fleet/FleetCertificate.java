package dev.gatehouse.fleet;

import dev.gatehouse.tls.ExpiryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One TLS certificate of one cluster of the fleet: the leaf of a {@code kubernetes.io/tls} Secret's {@code tls.crt}.
 *
 * @param context     the kubeconfig context it was read through
 * @param namespace   the Secret's namespace
 * @param secret      the Secret's name
 * @param subject     the leaf's subject CN (or whole subject)
 * @param hosts       the leaf's DNS and IP SANs
 * @param issuer      the issuer's CN (or whole issuer)
 * @param notAfter    end of validity
 * @param daysLeft    whole days from the scan's "now" (negative once expired)
 * @param expiry      the band: expired, within 7 / 30 days, fine
 * @param usedBy      Ingresses naming the Secret in their tls section ({@code namespace/name})
 * @param certManager the cert-manager Certificate that owns the Secret, if any
 * @param problem     why {@code tls.crt} could not be read, when it could not (then the dates are empty)
 */
public record FleetCertificate(String context, String namespace, String secret, String subject, List<String> hosts,
                               String issuer, Optional<Instant> notAfter, long daysLeft, Optional<ExpiryStatus> expiry,
                               List<String> usedBy, Optional<String> certManager, Optional<String> problem) {

    public FleetCertificate {
        hosts = List.copyOf(hosts);
        usedBy = List.copyOf(usedBy);
    }

    /** {@code context/namespace/secret}: unique in a fleet. */
    public String key() {
        return context + "/" + namespace + "/" + secret;
    }

    /** Whether it expires within {@code days} days of the scan (or has expired). */
    public boolean expiresWithin(int days) {
        return notAfter.isPresent() && daysLeft <= days;
    }
}
