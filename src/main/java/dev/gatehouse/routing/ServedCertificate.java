package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ExpiryStatus;
import dev.gatehouse.tls.HostCoverage;
import java.util.Optional;

/** The certificate the controller presents on the TLS handshake. */
public sealed interface ServedCertificate
        permits ServedCertificate.FromSecret, ServedCertificate.ControllerDefault, ServedCertificate.Passthrough {

    /** True when TLS clients accept it for the requested host (SAN match; validity is separate). */
    boolean coversHost();

    /** One line for people. */
    String describe();

    /**
     * A certificate from a {@code kubernetes.io/tls} Secret.
     *
     * @param secret      the Secret
     * @param ingress     the Ingress whose tls section chose it
     * @param certificate the first certificate of {@code tls.crt} (empty when the Secret is not in the input)
     * @param coverage    how it covers the requested host
     * @param host        the requested host
     */
    record FromSecret(ObjectRef secret, ObjectRef ingress, Optional<CertificateInfo> certificate,
                      HostCoverage coverage, String host) implements ServedCertificate {
        @Override
        public boolean coversHost() {
            return coverage.coversForClients();
        }

        /** Valid now (not expired, not before its start). */
        public boolean currentlyValid() {
            return certificate.map(c -> c.expiry() != ExpiryStatus.EXPIRED && c.expiry() != ExpiryStatus.NOT_YET_VALID)
                    .orElse(true);
        }

        @Override
        public String describe() {
            return certificate.map(c -> "\"" + c.displayName() + "\" from " + secret + ", issued by "
                    + c.issuerCommonName().orElse(c.issuer()) + ", "
                    + (c.daysLeft() < 0 ? "expired " + -c.daysLeft() + " days ago" : "expires in " + c.daysLeft() + " days"))
                    .orElse(secret + " (not in the input, not checked)");
        }
    }

    /**
     * ingress-nginx's default certificate, "Kubernetes Ingress Controller Fake Certificate".
     *
     * @param reason why it is served
     */
    record ControllerDefault(String reason) implements ServedCertificate {
        @Override
        public boolean coversHost() {
            return false;
        }

        @Override
        public String describe() {
            return "controller default (" + ControllerProfile.FAKE_CERTIFICATE_NAME + ")";
        }
    }

    /**
     * TLS is not terminated by the controller: the backend presents its own certificate.
     *
     * @param service the backend Service
     */
    record Passthrough(ObjectRef service) implements ServedCertificate {
        @Override
        public boolean coversHost() {
            return false;
        }

        @Override
        public String describe() {
            return "the backend's own certificate (" + service + ", TLS passthrough)";
        }
    }
}
