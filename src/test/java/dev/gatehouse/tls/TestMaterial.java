package dev.gatehouse.tls;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.openssl.PEMEncryptor;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.util.encoders.Hex;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;

/** Key and keystore encodings for tests: encrypted PEM, DER, PKCS#12, PKCS#7, Ed25519. */
public final class TestMaterial {

    private TestMaterial() {
    }

    /** PKCS#8 {@code ENCRYPTED PRIVATE KEY} (PBES2, AES-256-CBC) as openssl pkcs8 -topk8 -v2 aes-256-cbc writes it. */
    public static String encryptedPkcs8(PrivateKey key, String password) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key, encryptor(password)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** DER of an encrypted PKCS#8 key. */
    public static byte[] encryptedPkcs8Der(PrivateKey key, String password) {
        try {
            return new JcaPKCS8Generator(key, encryptor(password)).generate().getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputEncryptor encryptor(String password) throws Exception {
        return new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(KeyDecoder.bouncyCastle()).setPassword(password.toCharArray()).build();
    }

    /** OpenSSL's legacy encrypted PEM ({@code Proc-Type: 4,ENCRYPTED}, AES-128-CBC), PKCS#1 / SEC1 inside. */
    public static String legacyEncrypted(PrivateKey key, String password) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            PEMEncryptor encryptor = new JcePEMEncryptorBuilder("AES-128-CBC")
                    .setProvider(KeyDecoder.bouncyCastle()).build(password.toCharArray());
            if (key instanceof java.security.interfaces.ECPrivateKey ec) {
                // SEC1 with the curve, as openssl writes it (BouncyCastle's generator drops the curve of JDK keys)
                PemObject plain = TestCerts.sec1(ec);
                writer.writeObject(new PemObject(plain.getType(), List.of(new PemHeader("Proc-Type", "4,ENCRYPTED"),
                        new PemHeader("DEK-Info", encryptor.getAlgorithm() + "," + Hex.toHexString(encryptor.getIV())
                                .toUpperCase(java.util.Locale.ROOT))), encryptor.encrypt(plain.getContent())));
            } else {
                writer.writeObject(new JcaMiscPEMGenerator(key, encryptor));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** PKCS#8 DER ({@code openssl pkcs8 -topk8 -nocrypt -outform DER}). */
    public static byte[] pkcs8Der(PrivateKey key) {
        return key.getEncoded();
    }

    /** PKCS#1 DER of an RSA key ({@code openssl rsa -outform DER}). */
    public static byte[] pkcs1Der(PrivateKey rsa) {
        try {
            return PrivateKeyInfo.getInstance(rsa.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 keystore with the key and its chain under alias "tls". */
    public static byte[] pkcs12(PrivateKey key, List<X509Certificate> chain, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("tls", key, password.toCharArray(), chain.toArray(Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificates-only PKCS#7 bundle ({@code .p7b}), DER. */
    public static byte[] pkcs7(List<X509Certificate> certs) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new JcaCertStore(certs));
            return generator.generate(new CMSProcessableByteArray(new byte[0])).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed Ed25519 server certificate. */
    public static TestCerts.Issued ed25519Certificate(String host) {
        return TestCerts.cert(host).dns(host).keys(ed25519()).signatureAlgorithm("Ed25519").issue();
    }
}
