package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Client-certificate authentication of a host (ingress-nginx {@code auth-tls-*}) or of a listener (Gateway
 * {@code spec.tls.frontend}).
 *
 * @param source         the object that asks for it
 * @param caSecret       the object holding the CA the certificates are verified with (a Secret, or a Gateway's
 *                       ConfigMap)
 * @param caUsable       whether that CA can be read (or is assumed fine because it is not in the input)
 * @param verify         {@code on}, {@code optional}, {@code optional_no_ca} or {@code off} (a Gateway's
 *                       {@code AllowValidOnly} is {@code on}, {@code AllowInsecureFallback} is {@code optional_no_ca})
 * @param allowedSubject a regular expression the subject must match, if any
 * @param caCertificates the CA certificates read from {@code caSecret} (empty when it is not in the input
 *                       or unusable)
 * @param enforcement    where a missing or untrusted certificate is refused
 */
public record ClientCertificatePolicy(ObjectRef source, ObjectRef caSecret, boolean caUsable, String verify,
                                      Optional<String> allowedSubject, List<X509Certificate> caCertificates,
                                      Enforcement enforcement) {

    /** Where a missing or untrusted client certificate is refused. */
    public enum Enforcement {
        /** The handshake completes; the answer is an HTTP error (nginx: 400). */
        HTTP_ANSWER,
        /** The TLS handshake fails (Gateway API frontend validation). */
        HANDSHAKE
    }

    public ClientCertificatePolicy {
        caCertificates = List.copyOf(caCertificates);
    }

    /** An ingress-nginx policy: refused with an HTTP answer. */
    public ClientCertificatePolicy(ObjectRef source, ObjectRef caSecret, boolean caUsable, String verify,
                                   Optional<String> allowedSubject, List<X509Certificate> caCertificates) {
        this(source, caSecret, caUsable, verify, allowedSubject, caCertificates, Enforcement.HTTP_ANSWER);
    }

    /** A policy without the CA's certificates (a model that only explains, never serves TLS). */
    public ClientCertificatePolicy(ObjectRef source, ObjectRef caSecret, boolean caUsable, String verify,
                                   Optional<String> allowedSubject) {
        this(source, caSecret, caUsable, verify, allowedSubject, List.of(), Enforcement.HTTP_ANSWER);
    }

    /**
     * The CA certificates a TLS server asks clients for and verifies them with: none when verification is off
     * or the CA cannot be used.
     */
    public List<X509Certificate> requestedCas() {
        return caUsable && !"off".equals(verify) ? caCertificates : List.of();
    }

    /** A valid certificate is required ({@code on}); otherwise a missing or untrusted one is let through. */
    public boolean required() {
        return "on".equals(verify);
    }

    /**
     * The TLS handshake itself fails without a certificate the CA verifies: a required certificate, enforced
     * in the handshake (Gateway {@code AllowValidOnly}).
     */
    public boolean refusesHandshake() {
        return enforcement == Enforcement.HANDSHAKE && required();
    }
}
