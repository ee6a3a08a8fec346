package dev.gatehouse.tls;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Tells valid but unsupported material apart from damaged material, for messages: a certificate or key
 * that parses as ASN.1 but uses EC with explicit curve parameters (instead of a named curve) is refused
 * by Java, Go and browsers alike, and is named as such instead of "damaged".
 */
final class UnsupportedMaterial {

    static final String EXPLICIT_EC = "uses an EC key with explicit curve parameters instead of a named curve,"
            + " which Java, Go (the ingress controllers) and browsers do not support; create the key again with a"
            + " named curve (openssl ecparam -name prime256v1 -param_enc named_curve)";

    private UnsupportedMaterial() {
    }

    /** Why the DER (a certificate, PKCS#8 or SEC1 key) is unsupported, or empty when it is simply damaged. */
    static Optional<String> explain(byte[] der) {
        ASN1Primitive object;
        try {
            object = ASN1Primitive.fromByteArray(der);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
        return explain(object);
    }

    static Optional<String> explain(ASN1Primitive object) {
        try {
            if (!(object instanceof ASN1Sequence seq) || seq.size() < 2) {
                return Optional.empty();
            }
            if (seq.size() == 3 && seq.getObjectAt(0) instanceof ASN1Sequence) {
                AlgorithmIdentifier spki = Certificate.getInstance(seq).getSubjectPublicKeyInfo().getAlgorithm();
                return explicitEc(spki.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey), spki.getParameters());
            }
            if (seq.getObjectAt(1) instanceof ASN1Sequence) {
                AlgorithmIdentifier alg = PrivateKeyInfo.getInstance(seq).getPrivateKeyAlgorithm();
                return explicitEc(alg.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey), alg.getParameters());
            }
            return explicitEc(true, ECPrivateKey.getInstance(seq).getParametersObject());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> explicitEc(boolean ec, ASN1Encodable parameters) {
        return ec && parameters instanceof ASN1Sequence ? Optional.of(EXPLICIT_EC) : Optional.empty();
    }
}
