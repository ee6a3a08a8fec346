package dev.gatehouse.tls.build;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable certificate with its key pair and chain, as built by {@link CertificateBuilder}.
 *
 * <p>{@link #chain()} is leaf first, followed by the intermediates in signing order; the
 * self-signed root is not part of it unless the builder was asked to include it
 * ({@link CertificateBuilder#includeRootInChain()}). A self-signed certificate's chain is the
 * certificate alone. {@link #root()} is the self-signed trust anchor at the top, when known.
 *
 * <p>{@link #toString()} never shows the private key.
 */
public final class CertificateBundle {

    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final X509Certificate root;
    private final KeyPair keyPair;
    private final KeyAlgorithm algorithm;

    CertificateBundle(X509Certificate certificate, List<X509Certificate> chain, X509Certificate root,
                      KeyPair keyPair, KeyAlgorithm algorithm) {
        this.certificate = Objects.requireNonNull(certificate);
        this.chain = List.copyOf(chain);
        this.root = root;
        this.keyPair = Objects.requireNonNull(keyPair);
        this.algorithm = Objects.requireNonNull(algorithm);
        if (this.chain.isEmpty() || !this.chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("The chain must start with the certificate itself");
        }
    }

    /**
     * A bundle of existing material: a certificate read from disk or a Secret, with its chain (leaf first)
     * and the key pair it was issued for (e.g. Gatehouse's local CA, or a pending key whose signed
     * certificate came back from an external CA).
     *
     * @throws IllegalArgumentException when the key is not the certificate's, the chain does not start
     *                                  with the certificate, or the key type is not one Gatehouse issues with
     */
    public static CertificateBundle of(X509Certificate certificate, List<X509Certificate> chain, KeyPair keyPair) {
        KeyAlgorithm algorithm = KeyAlgorithm.of(certificate.getPublicKey()).orElseThrow(() ->
                new IllegalArgumentException("The key of \"" + certificate.getSubjectX500Principal().getName()
                        + "\" is " + certificate.getPublicKey().getAlgorithm() + ", which Gatehouse does not issue with"));
        if (!certificate.getPublicKey().equals(keyPair.getPublic())) {
            throw new IllegalArgumentException("The key pair does not belong to \""
                    + certificate.getSubjectX500Principal().getName() + "\"");
        }
        X509Certificate top = chain.isEmpty() ? certificate : chain.get(chain.size() - 1);
        boolean topSelfSigned = top.getSubjectX500Principal().equals(top.getIssuerX500Principal());
        return new CertificateBundle(certificate, chain, topSelfSigned ? top : null, keyPair, algorithm);
    }

    /** The certificate this bundle is about (the leaf). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Leaf first, then intermediates in order; the root only if it was asked for. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The self-signed root at the top of the chain (this certificate itself for a root CA). */
    public Optional<X509Certificate> root() {
        return Optional.ofNullable(root);
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** True when the certificate carries BasicConstraints CA:TRUE. */
    public boolean isCa() {
        return certificate.getBasicConstraints() >= 0;
    }

    public boolean isSelfSigned() {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && chain.size() == 1;
    }

    /** The leaf certificate alone as PEM. */
    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    /** Leaf then intermediates as PEM, the form a {@code kubernetes.io/tls} Secret's {@code tls.crt} wants. */
    public String chainPem() {
        return Pem.certificates(chain);
    }

    /** The private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). Handle with care. */
    public String privateKeyPem() {
        return Pem.privateKey(keyPair.getPrivate());
    }

    /** SHA-256 fingerprint of the leaf's DER encoding, upper-case hex pairs joined by colons (as openssl prints it). */
    public String fingerprintSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot compute the SHA-256 fingerprint", e);
        }
    }

    @Override
    public String toString() {
        return "CertificateBundle[" + certificate.getSubjectX500Principal().getName()
                + ", " + algorithm.displayName() + ", sha256 " + fingerprintSha256() + "]";
    }
}
