package dev.gatehouse.ui.overview;

import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.tls.ExpiryStatus;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * A TLS Secret's leaf certificate, parsed once (off the FX thread) for the expiry overview. Only the
 * first certificate of {@code tls.crt} is read, with the JDK's parser (the fast path: the
 * Certificates screen does the full analysis).
 */
public record CertificateRow(String namespace, String name, Optional<CertificateRow.Leaf> leaf) {

    /** What the overview shows of a leaf certificate: its name and validity. */
    public record Leaf(String displayName, Instant notAfter, long daysLeft, ExpiryStatus expiry) {
        static Leaf of(X509Certificate cert, Instant now) {
            Instant notAfter = cert.getNotAfter().toInstant();
            String subject = cert.getSubjectX500Principal().getName();
            String cn = subject.replaceFirst("(?s).*?\\bCN=([^,]+).*", "$1");
            return new Leaf(cn.equals(subject) ? subject : cn, notAfter, ExpiryStatus.daysLeft(notAfter, now),
                    ExpiryStatus.of(cert.getNotBefore().toInstant(), notAfter, now));
        }
    }

    private static final ThreadLocal<CertificateFactory> X509 = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 support", e);
        }
    });

    /** The row of a Secret, its days left counted from {@code now}. */
    public static CertificateRow of(SecretSummary s, Instant now) {
        Optional<Leaf> info = s.tlsCrt().flatMap(CertificateRow::firstCertificate).map(cert -> Leaf.of(cert, now));
        return new CertificateRow(s.namespace(), s.name(), info);
    }

    private static Optional<X509Certificate> firstCertificate(byte[] pem) {
        try {
            return Optional.of((X509Certificate) X509.get().generateCertificate(new ByteArrayInputStream(pem)));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty(); // unreadable certificates are the diagnostics' and Certificates screen's to report
        }
    }
}
