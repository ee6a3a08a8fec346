package dev.gatehouse.tls.build;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Key types the {@link CertificateBuilder} can generate, each with its SHA-256 signature algorithm. */
public enum KeyAlgorithm {
    EC_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA", "ECDSA P-256"),
    RSA_2048("RSA", rsa(2048), "SHA256withRSA", "RSA 2048"),
    RSA_3072("RSA", rsa(3072), "SHA256withRSA", "RSA 3072"),
    RSA_4096("RSA", rsa(4096), "SHA256withRSA", "RSA 4096");

    private final String jcaName;
    private final AlgorithmParameterSpec parameters;
    private final String signatureAlgorithm;
    private final String displayName;

    KeyAlgorithm(String jcaName, AlgorithmParameterSpec parameters, String signatureAlgorithm, String displayName) {
        this.jcaName = jcaName;
        this.parameters = parameters;
        this.signatureAlgorithm = signatureAlgorithm;
        this.displayName = displayName;
    }

    /** The algorithm of an existing public key, when it is one of these (EC P-256, RSA 2048/3072/4096). */
    public static java.util.Optional<KeyAlgorithm> of(java.security.PublicKey key) {
        if (key instanceof java.security.interfaces.RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return java.util.Arrays.stream(values()).filter(a -> a.isRsa()
                    && ((RSAKeyGenParameterSpec) a.parameters).getKeysize() == bits).findFirst();
        }
        if (key instanceof java.security.interfaces.ECPublicKey ec && ec.getParams().getOrder().bitLength() == 256) {
            return java.util.Optional.of(EC_P256);
        }
        return java.util.Optional.empty();
    }

    /** JCA key algorithm name: {@code EC} or {@code RSA}. */
    public String jcaName() {
        return jcaName;
    }

    /** JCA signature algorithm used when a key of this type signs: {@code SHA256withECDSA} or {@code SHA256withRSA}. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public boolean isRsa() {
        return "RSA".equals(jcaName);
    }

    /** Human-readable name, e.g. "ECDSA P-256". */
    public String displayName() {
        return displayName;
    }

    /** Generates a fresh key pair of this type. */
    public KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
            generator.initialize(parameters, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot generate " + displayName + " keys", e);
        }
    }

    /** The signature algorithm that a key of the given JCA algorithm ("EC"/"RSA") signs with. */
    static String signatureAlgorithmFor(String keyAlgorithm) {
        return "RSA".equals(keyAlgorithm) ? RSA_2048.signatureAlgorithm : EC_P256.signatureAlgorithm;
    }

    private static AlgorithmParameterSpec rsa(int bits) {
        return new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4);
    }
}
