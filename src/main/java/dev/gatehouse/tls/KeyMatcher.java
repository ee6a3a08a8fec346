package dev.gatehouse.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** Checks whether a private key belongs to a public key (a certificate's). */
public final class KeyMatcher {

    private static final byte[] PROBE = "gatehouse key match probe".getBytes(StandardCharsets.US_ASCII);

    private KeyMatcher() {
    }

    /** True when {@code privateKey} is the private half of {@code publicKey}. */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (privateKey == null || publicKey == null) {
            return false;
        }
        if (privateKey instanceof RSAPrivateKey rsa) {
            if (!(publicKey instanceof RSAPublicKey pub) || !rsa.getModulus().equals(pub.getModulus())) {
                return false;
            }
            return !(rsa instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(pub.getPublicExponent());
        }
        String algorithm = signatureAlgorithm(privateKey.getAlgorithm());
        if (algorithm == null || !sameFamily(privateKey.getAlgorithm(), publicKey.getAlgorithm())) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameFamily(String privateAlg, String publicAlg) {
        return family(privateAlg).equals(family(publicAlg));
    }

    private static String family(String alg) {
        return switch (alg) {
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            case "EC", "ECDSA" -> "EC";
            default -> alg;
        };
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
    }
}
