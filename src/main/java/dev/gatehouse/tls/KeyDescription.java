package dev.gatehouse.tls;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

/**
 * A public key's algorithm and strength, e.g. "RSA 2048" or "EC 256 (P-256)".
 *
 * @param algorithm {@code RSA}, {@code EC}, {@code Ed25519}, {@code Ed448}, {@code DSA} or the JCA name
 * @param bits      key size in bits (0 when unknown)
 * @param curve     the named curve for EC keys
 */
public record KeyDescription(String algorithm, int bits, Optional<String> curve) {

    /** Describes a public key. */
    public static KeyDescription of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new KeyDescription("RSA", rsa.getModulus().bitLength(), Optional.empty());
        }
        if (key instanceof ECPublicKey ec) {
            BigInteger order = ec.getParams().getOrder();
            return new KeyDescription("EC", order.bitLength(), curveName(key));
        }
        if (key instanceof DSAPublicKey dsa) {
            return new KeyDescription("DSA", dsa.getParams().getP().bitLength(), Optional.empty());
        }
        String alg = key.getAlgorithm();
        if ("EdDSA".equals(alg) || "Ed25519".equals(alg) || "Ed448".equals(alg)) {
            String oid = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getAlgorithm().getId();
            boolean ed448 = "1.3.101.113".equals(oid);
            return new KeyDescription(ed448 ? "Ed448" : "Ed25519", ed448 ? 456 : 256, Optional.empty());
        }
        return new KeyDescription(alg, 0, Optional.empty());
    }

    private static Optional<String> curveName(PublicKey key) {
        try {
            var params = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
            if (params instanceof ASN1ObjectIdentifier oid) {
                String name = ECNamedCurveTable.getName(oid);
                return Optional.ofNullable(name).map(KeyDescription::friendlyCurve);
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String friendlyCurve(String name) {
        return switch (name) {
            case "prime256v1", "secp256r1" -> "P-256";
            case "secp384r1" -> "P-384";
            case "secp521r1" -> "P-521";
            default -> name;
        };
    }

    /** How a weakness that makes the certificate unusable for a TLS server begins. */
    public static final String NOT_FOR_TLS = "Not usable as a TLS server certificate: ";

    /**
     * Why a certificate with this key cannot be served to browsers at all (not merely weak): DSA (TLS 1.3
     * dropped it; browsers and ingress-nginx's OpenSSL do not offer it), or an EC curve other than P-256,
     * P-384 and P-521 (brainpool and the like: browsers do not support them for TLS).
     */
    public Optional<String> unusableForTls() {
        if ("DSA".equals(algorithm)) {
            return Optional.of("the key is DSA, which browsers and ingress-nginx do not accept for TLS (TLS 1.3"
                    + " dropped DSA); use an RSA 2048 or EC P-256 key");
        }
        if ("EC".equals(algorithm) && curve.isPresent() && !Set.of("P-256", "P-384", "P-521").contains(curve.get())) {
            return Optional.of("the key is on the curve " + curve.get() + ", which browsers do not support for TLS;"
                    + " use P-256 or P-384");
        }
        return Optional.empty();
    }

    /** True for keys below today's minimums: RSA/DSA under 2048 bits, EC under 256. */
    public boolean weak() {
        return switch (algorithm) {
            case "RSA", "DSA" -> bits < 2048;
            case "EC" -> bits < 256;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return algorithm + (bits > 0 ? " " + bits : "") + curve.map(c -> " (" + c + ")").orElse("");
    }
}
