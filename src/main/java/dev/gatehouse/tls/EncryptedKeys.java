package dev.gatehouse.tls;

import java.security.PrivateKey;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Decrypts password-protected private keys: PKCS#8 {@code ENCRYPTED PRIVATE KEY} (PBES2 or PKCS#12
 * PBE) and OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} PEM. A failed decryption is reported as a
 * wrong password: with block ciphers a wrong key shows up as bad padding or as garbage that does not
 * parse, never as anything more specific.
 */
final class EncryptedKeys {

    /** The password does not open the item. */
    static final class WrongPasswordException extends Exception {
        WrongPasswordException(Throwable cause) {
            super("wrong password", cause);
        }
    }

    private final KeyDecoder decoder;
    private final int maxIterations;

    /** @param maxIterations the highest PBKDF2 iteration count tried ({@link dev.gatehouse.input.InputLimits}) */
    EncryptedKeys(KeyDecoder decoder, int maxIterations) {
        this.decoder = decoder;
        this.maxIterations = maxIterations;
    }

    /**
     * @throws WrongPasswordException when decryption fails
     * @throws PEMException           when the decrypted key cannot be loaded (damaged, unknown algorithm)
     * @throws Pbkdf2Iterations.TooManyException when the key asks for more iterations than the limit
     */
    PrivateKey pkcs8(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password)
            throws WrongPasswordException, PEMException, Pbkdf2Iterations.TooManyException {
        PrivateKeyInfo info;
        try {
            Pbkdf2Iterations.check(encrypted.getEncryptionAlgorithm(), maxIterations);
        } catch (Pbkdf2Iterations.TooManyException e) {
            Arrays.fill(password, '\0');
            throw e;
        }
        try {
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(KeyDecoder.bouncyCastle()).build(password);
            info = encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (Exception e) {
            throw new WrongPasswordException(e);
        } finally {
            Arrays.fill(password, '\0');
        }
        return decoder.privateKey(info);
    }

    /**
     * @throws WrongPasswordException when decryption fails
     * @throws PEMException           when the decrypted key cannot be loaded (no curve, unknown algorithm)
     */
    KeyDecoder.Decoded legacy(PEMEncryptedKeyPair encrypted, char[] password)
            throws WrongPasswordException, PEMException {
        PEMKeyPair pair;
        try {
            pair = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                    .setProvider(KeyDecoder.bouncyCastle()).build(password));
        } catch (Exception e) {
            throw new WrongPasswordException(e);
        } finally {
            Arrays.fill(password, '\0');
        }
        return decoder.keyPair(pair);
    }
}
