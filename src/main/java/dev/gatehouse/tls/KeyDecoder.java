package dev.gatehouse.tls;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Turns decoded key structures (PKCS#8, PKCS#1, SEC1, OpenSSL key pairs) into JCA keys with the JDK's
 * providers. One instance per reader: BouncyCastle's converters are not documented thread-safe.
 */
final class KeyDecoder {

    // Without a registered BouncyCastle provider the JDK's KeyFactory names apply ("EC", not "ECDSA").
    private final JcaPEMKeyConverter converter = new JcaPEMKeyConverter()
            .setAlgorithmMapping(X9ObjectIdentifiers.id_ecPublicKey, "EC")
            .setAlgorithmMapping(EdECObjectIdentifiers.id_Ed25519, "Ed25519")
            .setAlgorithmMapping(EdECObjectIdentifiers.id_Ed448, "Ed448");

    PrivateKey privateKey(PrivateKeyInfo info) throws PEMException {
        return converter.getPrivateKey(info);
    }

    /** A private key with the public key its encoding carried (PKCS#1 and SEC1 usually carry it). */
    record Decoded(PrivateKey privateKey, Optional<PublicKey> publicKey) {
    }

    /** An OpenSSL key pair; SEC1 keys may omit the optional public key. */
    Decoded keyPair(PEMKeyPair pair) throws PEMException {
        if (pair.getPublicKeyInfo() == null) {
            return new Decoded(converter.getPrivateKey(pair.getPrivateKeyInfo()), Optional.empty());
        }
        KeyPair keys = converter.getKeyPair(pair);
        return new Decoded(keys.getPrivate(), Optional.of(keys.getPublic()));
    }

    /** A PKCS#1 {@code RSAPrivateKey} structure. */
    PrivateKey rsa(ASN1Sequence sequence) throws java.io.IOException {
        RSAPrivateKey rsa = RSAPrivateKey.getInstance(sequence);
        return privateKey(new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                DERNull.INSTANCE), rsa));
    }

    /** A SEC1 {@code ECPrivateKey} structure; it must name its curve. */
    PrivateKey sec1(ASN1Sequence sequence) throws java.io.IOException {
        ECPrivateKey ec = ECPrivateKey.getInstance(sequence);
        if (ec.getParametersObject() == null) {
            throw new PEMException("the EC key does not name its curve");
        }
        return privateKey(new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                ec.getParametersObject()), ec));
    }

    static Provider bouncyCastle() {
        return BouncyCastle.provider();
    }
}
