package dev.gatehouse.tls;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * A private key as read from its source. {@link #toString()} never shows key material.
 *
 * @param blockIndex 1-based position of its PEM block
 * @param format     the encoding it came in: {@code PKCS#8}, {@code PKCS#1 (RSA)}, {@code SEC1 (EC)}
 * @param privateKey the key
 * @param publicKey  the matching public key when the encoding carries it (PKCS#1, SEC1)
 */
public record KeyEntry(int blockIndex, String format, PrivateKey privateKey, Optional<PublicKey> publicKey) {

    public String algorithm() {
        return privateKey.getAlgorithm();
    }

    @Override
    public String toString() {
        return "KeyEntry[block=" + blockIndex + ", format=" + format + ", algorithm=" + algorithm() + "]";
    }
}
