package dev.gatehouse.tls;

import dev.gatehouse.input.InputLimits;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * What a list of many certificates (the Fleet) shows of one: who it names, who issued it, its hosts and validity.
 * The same values as {@link CertificateInfo}'s, read without what only the Certificates screen needs (key strength,
 * fingerprint, the self-signature check: one signature verification per certificate, the bulk of
 * {@link CertificateInfo#of}'s time for EC certificates). Does not depend on "now".
 *
 * @param subject   the subject CN, else the whole subject DN (RFC 2253)
 * @param issuer    the issuer CN, else the whole issuer DN
 * @param hosts     DNS then IP subject alternative names (at most {@link InputLimits#namesPerCertificate()})
 * @param notBefore start of validity
 * @param notAfter  end of validity
 */
public record LeafSummary(String subject, String issuer, List<String> hosts, Instant notBefore, Instant notAfter) {

    public LeafSummary {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        hosts = List.copyOf(hosts);
    }

    /** Reads the summary of a parsed certificate. */
    public static LeafSummary of(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        CertificateInspector.readSans(cert, dns, ips, InputLimits.defaults().namesPerCertificate());
        dns.addAll(ips);
        X500Principal subject = cert.getSubjectX500Principal();
        X500Principal issuer = cert.getIssuerX500Principal();
        return new LeafSummary(
                CertificateInspector.commonName(subject).orElseGet(() -> subject.getName(X500Principal.RFC2253)),
                CertificateInspector.commonName(issuer).orElseGet(() -> issuer.getName(X500Principal.RFC2253)),
                dns, cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
    }

    /** Whole days from {@code now} to the end of validity (negative once expired). */
    public long daysLeft(Instant now) {
        return ExpiryStatus.daysLeft(notAfter, now);
    }

    /** The expiry band at {@code now}. */
    public ExpiryStatus expiry(Instant now) {
        return ExpiryStatus.of(notBefore, notAfter, now);
    }
}
