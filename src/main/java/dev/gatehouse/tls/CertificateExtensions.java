package dev.gatehouse.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * The extensions a certificate inspector shows beside {@link CertificateInfo}: key usage, extended key
 * usage, basic constraints and the key identifiers, in words.
 *
 * @param keyUsage         e.g. "Digital signature", "Key encipherment"; empty when the extension is absent
 * @param extendedKeyUsage e.g. "TLS server", "TLS client"; empty when absent (any purpose)
 * @param basicConstraints "CA (path length 0)", "Not a CA"
 * @param subjectKeyId     colon-separated hex, if present
 * @param authorityKeyId   colon-separated hex, if present
 */
public record CertificateExtensions(List<String> keyUsage, List<String> extendedKeyUsage, String basicConstraints,
                                    Optional<String> subjectKeyId, Optional<String> authorityKeyId) {

    private static final String[] KEY_USAGES = {"Digital signature", "Non-repudiation", "Key encipherment",
        "Data encipherment", "Key agreement", "Certificate signing", "CRL signing", "Encipher only", "Decipher only"};
    private static final Map<String, String> PURPOSES = Map.of(
            "1.3.6.1.5.5.7.3.1", "TLS server", "1.3.6.1.5.5.7.3.2", "TLS client", "1.3.6.1.5.5.7.3.3", "Code signing",
            "1.3.6.1.5.5.7.3.4", "Email protection", "1.3.6.1.5.5.7.3.8", "Time stamping",
            "1.3.6.1.5.5.7.3.9", "OCSP signing", "2.5.29.37.0", "Any purpose");

    public CertificateExtensions {
        keyUsage = List.copyOf(keyUsage);
        extendedKeyUsage = List.copyOf(extendedKeyUsage);
    }

    public static CertificateExtensions of(X509Certificate cert) {
        List<String> usage = new ArrayList<>();
        boolean[] bits = cert.getKeyUsage();
        if (bits != null) {
            for (int i = 0; i < bits.length && i < KEY_USAGES.length; i++) {
                if (bits[i]) {
                    usage.add(KEY_USAGES[i]);
                }
            }
        }
        List<String> purposes = new ArrayList<>();
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            if (eku != null) {
                eku.forEach(oid -> purposes.add(PURPOSES.getOrDefault(oid, oid)));
            }
        } catch (CertificateParsingException e) {
            purposes.add("(unreadable)");
        }
        int pathLength = cert.getBasicConstraints();
        String constraints = pathLength < 0 ? "Not a CA"
                : pathLength == Integer.MAX_VALUE ? "CA (no path length limit)" : "CA (path length " + pathLength + ")";
        return new CertificateExtensions(usage, purposes, constraints, subjectKeyId(cert), authorityKeyId(cert));
    }

    private static Optional<String> subjectKeyId(X509Certificate cert) {
        byte[] value = cert.getExtensionValue("2.5.29.14");
        if (value == null) {
            return Optional.empty();
        }
        try {
            byte[] inner = ASN1OctetString.getInstance(value).getOctets();
            return Optional.of(hex(SubjectKeyIdentifier.getInstance(inner).getKeyIdentifier()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> authorityKeyId(X509Certificate cert) {
        byte[] value = cert.getExtensionValue("2.5.29.35");
        if (value == null) {
            return Optional.empty();
        }
        try {
            byte[] inner = ASN1OctetString.getInstance(value).getOctets();
            byte[] id = AuthorityKeyIdentifier.getInstance(inner).getKeyIdentifier();
            return id == null ? Optional.empty() : Optional.of(hex(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }
}
