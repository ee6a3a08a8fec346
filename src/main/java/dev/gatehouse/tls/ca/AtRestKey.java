package dev.gatehouse.tls.ca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that encrypts the private keys Gatehouse keeps on disk (the local CA's key, pending keys of
 * certificate requests): 32 random bytes in {@code <data>/keys/at-rest.key}, mode 0600, created on first
 * use. Keys are stored as encrypted PKCS#8 (PBES2, AES-256) with this secret as the password.
 *
 * <p>Why a key file and not a password: Gatehouse never asks for a password to renew a certificate, and
 * keys stay encrypted wherever the key folders are copied without this file (backups, synced folders,
 * support bundles). Someone who can read every file of the user's account can read this one too; that
 * is the same protection as {@code ~/.ssh} or kubeconfig credentials.
 */
public final class AtRestKey {

    private static final int BYTES = 32;
    private final Path file;

    private AtRestKey(Path file) {
        this.file = file;
    }

    /** The key of this data directory (not read until needed). */
    public static AtRestKey in(Path dataDir) {
        return new AtRestKey(dataDir.resolve("keys").resolve("at-rest.key"));
    }

    public Path file() {
        return file;
    }

    /** The password for encrypting and decrypting stored keys; creates the secret on first use. */
    public synchronized char[] password() throws IOException {
        if (!Files.isRegularFile(file)) {
            byte[] secret = new byte[BYTES];
            new SecureRandom().nextBytes(secret);
            SecureFiles.writePrivate(file, Base64.getEncoder().encodeToString(secret) + "\n");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (text.length() < 40) {
            throw new IOException("The at-rest key " + file + " is damaged (too short)");
        }
        return text.toCharArray();
    }
}
