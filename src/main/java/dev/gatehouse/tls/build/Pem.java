package dev.gatehouse.tls.build;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Writes certificates and keys as PEM text (RFC 7468): 64-character base64 lines, LF line ends, a
 * trailing newline. Reading PEM lives elsewhere; this class only encodes.
 */
public final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /** One {@code CERTIFICATE} block. */
    public static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Several {@code CERTIFICATE} blocks in the given order (e.g. leaf first, then intermediates). */
    public static String certificates(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        certificates.forEach(c -> pem.append(certificate(c)));
        return pem.toString();
    }

    /** The private key as an unencrypted PKCS#8 {@code PRIVATE KEY} block. */
    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equalsIgnoreCase(key.getFormat())) {
            throw new IllegalArgumentException("The private key is not PKCS#8-encodable (format " + key.getFormat() + ")");
        }
        return encode("PRIVATE KEY", key.getEncoded());
    }

    /**
     * The private key as an encrypted PKCS#8 {@code ENCRYPTED PRIVATE KEY} block: PBES2 with
     * PBKDF2-HMAC-SHA256 and AES-256-CBC, what {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes.
     */
    public static String encryptedPrivateKey(PrivateKey key, char[] password) {
        try {
            var encryptor = new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                    org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                    .setProvider(dev.gatehouse.tls.BouncyCastle.provider()).setPassword(password).build();
            var object = new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, encryptor).generate();
            return encode("ENCRYPTED PRIVATE KEY", object.getContent());
        } catch (Exception e) {
            throw new IllegalStateException("The private key cannot be encrypted: " + e.getMessage(), e);
        }
    }

    /** A PEM block of the given type (e.g. {@code CERTIFICATE}) around DER bytes. */
    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + BASE64.encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
