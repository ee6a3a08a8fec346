package dev.gatehouse.tls;

import java.security.cert.X509Certificate;

/**
 * A certificate as read from its source.
 *
 * @param blockIndex  1-based position of its PEM block among all blocks of the input
 * @param certificate the decoded certificate
 */
public record CertificateEntry(int blockIndex, X509Certificate certificate) {
    @Override
    public String toString() {
        return "CertificateEntry[block=" + blockIndex + ", subject="
                + certificate.getSubjectX500Principal().getName() + "]";
    }
}
