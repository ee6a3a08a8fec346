package dev.gatehouse.probe;

import java.security.cert.X509Certificate;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * Certificate Transparency: the signed certificate timestamps embedded in a certificate (extension
 * 1.3.6.1.4.1.11129.2.4.2, RFC 6962 section 3.3), counted.
 */
public final class Scts {

    /** The SCT list extension. */
    public static final String OID = "1.3.6.1.4.1.11129.2.4.2";

    private Scts() {
    }

    /**
     * How many SCTs the certificate embeds: empty when it has no SCT extension, -1 when the extension cannot be
     * read.
     */
    public static OptionalInt count(X509Certificate certificate) {
        byte[] ext = certificate.getExtensionValue(OID);
        if (ext == null) {
            return OptionalInt.empty();
        }
        try {
            byte[] inner = ASN1OctetString.getInstance(ext).getOctets();
            byte[] list = ASN1OctetString.getInstance(inner).getOctets();
            if (list.length < 2) {
                return OptionalInt.of(-1);
            }
            int total = ((list[0] & 0xff) << 8) | (list[1] & 0xff);
            if (total != list.length - 2) {
                return OptionalInt.of(-1);
            }
            int count = 0;
            int i = 2;
            while (i + 2 <= list.length) {
                int len = ((list[i] & 0xff) << 8) | (list[i + 1] & 0xff);
                i += 2 + len;
                if (i > list.length) {
                    return OptionalInt.of(-1);
                }
                count++;
            }
            return OptionalInt.of(count);
        } catch (RuntimeException e) {
            return OptionalInt.of(-1);
        }
    }
}
