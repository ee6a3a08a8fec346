package dev.gatehouse.tls.build;

import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.HostnameMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a renewed (or new) TLS server certificate should say: subject, names, validity and key type.
 * Prefilled from the certificate it replaces ({@link #from(CertificateInfo)}), edited by the user, then
 * turned into a self-signed certificate, one signed by a CA bundle (Gatehouse's local CA), or a
 * certificate signing request for an external CA.
 *
 * @param subject     subject DN, e.g. {@code CN=shop.example.com}
 * @param dnsNames    DNS subject alternative names
 * @param ipAddresses IP subject alternative names
 * @param validity    how long it is valid from now
 * @param algorithm   key type (ECDSA P-256 by default)
 */
public record LeafSpec(String subject, List<String> dnsNames, List<String> ipAddresses, Duration validity,
                       KeyAlgorithm algorithm) {

    /** 90 days, as ACME CAs issue. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);
    /** Certificates are backdated a little so clocks slightly behind accept them at once. */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    public LeafSpec {
        Objects.requireNonNull(subject, "subject");
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(algorithm, "algorithm");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("The validity must be at least one day");
        }
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("A server certificate needs at least one DNS name or IP address");
        }
    }

    /** The same subject and names as an existing certificate, 90 days, ECDSA P-256. */
    public static LeafSpec from(CertificateInfo current) {
        List<String> dns = current.dnsNames().isEmpty() && current.ipAddresses().isEmpty()
                ? current.subjectCommonName().filter(cn -> !HostnameMatcher.isIpAddress(cn)).map(List::of).orElse(List.of())
                : current.dnsNames();
        return new LeafSpec(current.subject(), dns, current.ipAddresses(), DEFAULT_VALIDITY, KeyAlgorithm.EC_P256);
    }

    public LeafSpec withValidity(Duration newValidity) {
        return new LeafSpec(subject, dnsNames, ipAddresses, newValidity, algorithm);
    }

    public LeafSpec withAlgorithm(KeyAlgorithm newAlgorithm) {
        return new LeafSpec(subject, dnsNames, ipAddresses, validity, newAlgorithm);
    }

    private CertificateBuilder builder(Instant now) {
        return CertificateBuilder.create().subject(subject).sans(dnsNames.toArray(String[]::new))
                .ipSans(ipAddresses.toArray(String[]::new)).algorithm(algorithm).serverAuth()
                .notBefore(now.minus(BACKDATE)).notAfter(now.plus(validity));
    }

    /** A self-signed certificate (clients must be told to trust it). */
    public CertificateBundle selfSigned(Instant now) {
        return builder(now).build();
    }

    /** A certificate signed by {@code ca}; its chain is the leaf plus the CA's intermediates (no root). */
    public CertificateBundle signedBy(CertificateBundle ca, Instant now) {
        Instant caEnd = ca.certificate().getNotAfter().toInstant();
        CertificateBuilder b = builder(now).issuedBy(ca);
        if (now.plus(validity).isAfter(caEnd)) {
            b.notAfter(caEnd); // a leaf never outlives its CA
        }
        return b.build();
    }

    /** A signing request for an external CA, with a fresh key of {@link #algorithm()}. */
    public CertificateSigningRequest csr() {
        return CsrBuilder.create().subject(subject).sans(dnsNames.toArray(String[]::new))
                .ipSans(ipAddresses.toArray(String[]::new)).algorithm(algorithm).build();
    }
}
