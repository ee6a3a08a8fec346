package dev.gatehouse.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facts about one certificate that users ask for, computed at a given instant.
 *
 * @param subject            subject distinguished name (RFC 2253)
 * @param subjectCommonName  subject CN, if any
 * @param issuer             issuer distinguished name
 * @param issuerCommonName   issuer CN, if any
 * @param dnsNames           DNS subject alternative names, in certificate order
 * @param ipAddresses        IP subject alternative names
 * @param notBefore          start of validity
 * @param notAfter           end of validity
 * @param daysLeft           whole days from "now" to notAfter (negative once expired)
 * @param expiry             status against the 30 / 7 day thresholds
 * @param key                public key algorithm and size
 * @param signatureAlgorithm e.g. {@code SHA256withRSA}
 * @param serialHex          serial number in upper-case hex
 * @param sha256Fingerprint  SHA-256 of the DER encoding, colon-separated upper-case hex
 * @param ca                 true when basic constraints mark it a CA
 * @param serverAuth         whether it may be used by TLS servers
 * @param selfSigned         subject equals issuer and its own key verifies its signature
 * @param weaknesses         plain sentences: small key, SHA-1 / MD5 signature
 */
public record CertificateInfo(
        String subject,
        Optional<String> subjectCommonName,
        String issuer,
        Optional<String> issuerCommonName,
        List<String> dnsNames,
        List<String> ipAddresses,
        Instant notBefore,
        Instant notAfter,
        long daysLeft,
        ExpiryStatus expiry,
        KeyDescription key,
        String signatureAlgorithm,
        String serialHex,
        String sha256Fingerprint,
        boolean ca,
        ServerAuth serverAuth,
        boolean selfSigned,
        List<String> weaknesses) {

    /** Whether the extended key usage allows TLS server authentication. */
    public enum ServerAuth {
        /** The serverAuth (or anyExtendedKeyUsage) purpose is listed. */
        LISTED,
        /** No extended key usage extension: any purpose is allowed. */
        UNRESTRICTED,
        /** Extended key usage present without serverAuth: TLS clients reject it as a server certificate. */
        MISSING
    }

    public CertificateInfo {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        weaknesses = List.copyOf(weaknesses);
    }

    /** Inspects a certificate as of {@code now}. */
    public static CertificateInfo of(X509Certificate certificate, Instant now) {
        return CertificateInspector.inspect(certificate, now);
    }

    /** A short name for messages: the CN, else the first DNS name, else the subject DN. */
    public String displayName() {
        return subjectCommonName.or(() -> dnsNames.stream().findFirst()).orElse(subject);
    }

    /** Does this certificate cover {@code host} for TLS clients (SANs; see {@link HostnameMatcher})? */
    public boolean covers(String host) {
        return HostnameMatcher.coverage(this, host).coversForClients();
    }
}
