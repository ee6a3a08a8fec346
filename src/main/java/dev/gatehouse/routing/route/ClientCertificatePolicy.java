package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Client-certificate authentication of a host (ingress-nginx {@code auth-tls-*}, Gateway
 * {@code spec.tls.frontend}).
 *
 * @param source         the object that asks for it
 * @param caSecret       the CA the certificates are verified with
 * @param caUsable       whether that CA can be read (or is assumed fine because it is not in the input)
 * @param verify         {@code on}, {@code optional}, {@code optional_no_ca} or {@code off}
 * @param allowedSubject a regular expression the subject must match, if any
 * @param caCertificates the CA certificates read from {@code caSecret} (empty when it is not in the input
 *                       or unusable)
 */
public record ClientCertificatePolicy(ObjectRef source, ObjectRef caSecret, boolean caUsable, String verify,
                                      Optional<String> allowedSubject, List<X509Certificate> caCertificates) {

    public ClientCertificatePolicy {
        caCertificates = List.copyOf(caCertificates);
    }

    /** A policy without the CA's certificates (a model that only explains, never serves TLS). */
    public ClientCertificatePolicy(ObjectRef source, ObjectRef caSecret, boolean caUsable, String verify,
                                   Optional<String> allowedSubject) {
        this(source, caSecret, caUsable, verify, allowedSubject, List.of());
    }

    /**
     * The CA certificates a TLS server asks clients for and verifies them with: none when verification is off
     * or the CA cannot be used.
     */
    public List<X509Certificate> requestedCas() {
        return caUsable && !"off".equals(verify) ? caCertificates : List.of();
    }
}
