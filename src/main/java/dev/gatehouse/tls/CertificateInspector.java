package dev.gatehouse.tls;

import dev.gatehouse.input.InputLimits;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Computes {@link CertificateInfo} from an X.509 certificate. */
final class CertificateInspector {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EKU = "2.5.29.37.0";

    private CertificateInspector() {
    }

    static CertificateInfo inspect(X509Certificate cert, Instant now) {
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        int names = readSans(cert, dns, ips, InputLimits.defaults().namesPerCertificate());
        KeyDescription key = KeyDescription.of(cert.getPublicKey());
        String sigAlg = cert.getSigAlgName();
        List<String> weaknesses = new ArrayList<>();
        if (key.weak()) {
            weaknesses.add("The key is weak (" + key + "); use RSA 2048 or stronger, or EC P-256");
        }
        key.unusableForTls().ifPresent(why -> weaknesses.add(KeyDescription.NOT_FOR_TLS + why));
        if (names > dns.size() + ips.size()) {
            weaknesses.add("The certificate lists " + names + " subject alternative names; only the first "
                    + InputLimits.defaults().namesPerCertificate() + " were read (namesPerCertificate)");
        }
        String upperSig = sigAlg.toUpperCase(Locale.ROOT);
        boolean selfSigned = selfSigned(cert); // one signature check (a millisecond for EC P-256), not two
        if (!selfSigned && (upperSig.contains("SHA1") || upperSig.contains("MD5"))) {
            weaknesses.add("The signature uses " + sigAlg + ", which clients no longer trust");
        }
        return new CertificateInfo(
                cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                commonName(cert.getSubjectX500Principal()),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                commonName(cert.getIssuerX500Principal()),
                dns, ips, notBefore, notAfter,
                ExpiryStatus.daysLeft(notAfter, now),
                ExpiryStatus.of(notBefore, notAfter, now),
                key, sigAlg,
                cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                fingerprint(cert),
                cert.getBasicConstraints() >= 0,
                serverAuth(cert),
                selfSigned,
                weaknesses);
    }

    /** Reads at most {@code max} names; returns how many the certificate lists. */
    static int readSans(X509Certificate cert, List<String> dns, List<String> ips, int max) {
        try {
            var sans = cert.getSubjectAlternativeNames();
            if (sans == null) {
                return 0;
            }
            for (List<?> san : sans) {
                if (dns.size() + ips.size() >= max) {
                    break;
                }
                int type = (Integer) san.get(0);
                Object value = san.get(1);
                if (type == 2 && value instanceof String s) {
                    dns.add(s);
                } else if (type == 7 && value instanceof String s) {
                    ips.add(s);
                }
            }
            return sans.size();
        } catch (CertificateParsingException e) {
            // An unreadable SAN extension leaves the lists empty; coverage then reports "not covered".
            return 0;
        }
    }

    static Optional<String> commonName(X500Principal principal) {
        X500Name name = X500Name.getInstance(principal.getEncoded());
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        try {
            return Optional.of(IETFUtils.valueToString(value));
        } catch (IllegalArgumentException e) {
            return Optional.of(undecodable(value)); // a UTF8String whose bytes are not UTF-8 (found by MaterialFuzzTest)
        }
    }

    /** The string's bytes read as UTF-8 with U+FFFD for what is not UTF-8. */
    private static String undecodable(ASN1Encodable value) {
        try {
            byte[] tlv = value.toASN1Primitive().getEncoded();
            int offset = (tlv[1] & 0x80) == 0 ? 2 : 2 + (tlv[1] & 0x7f);
            return new String(tlv, Math.min(offset, tlv.length), Math.max(0, tlv.length - offset),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            return "\uFFFD";
        }
    }

    private static CertificateInfo.ServerAuth serverAuth(X509Certificate cert) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            if (eku == null) {
                return CertificateInfo.ServerAuth.UNRESTRICTED;
            }
            return eku.contains(SERVER_AUTH) || eku.contains(ANY_EKU)
                    ? CertificateInfo.ServerAuth.LISTED : CertificateInfo.ServerAuth.MISSING;
        } catch (CertificateParsingException e) {
            return CertificateInfo.ServerAuth.MISSING;
        }
    }

    /** Subject equals issuer and the certificate's own key verifies its signature. */
    static boolean selfSigned(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, cert);
    }

    /** True when {@code issuer}'s public key verifies {@code cert}'s signature. */
    static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            return "";
        }
    }
}
