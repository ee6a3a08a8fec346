package dev.gatehouse.tls;

import java.util.OptionalInt;

/**
 * Something wrong or noteworthy in read or analysed material, with a plain message such as
 * "PEM block 2 (CERTIFICATE) is truncated" or "Wrong password for keystore.p12". Reading problems
 * come from the readers ({@link MaterialReaders}), set-level ones from {@link MaterialAnalyzer} and
 * {@link ChainAnalyzer}; the {@link Kind} lets code react without parsing messages.
 *
 * @param kind       what kind of problem, for code that reacts to it
 * @param level      how serious it is
 * @param blockIndex the 1-based PEM block (or keystore entry) it concerns, if any
 * @param message    a plain sentence for the user
 */
public record MaterialProblem(Kind kind, Level level, OptionalInt blockIndex, String message) {

    /** How serious a problem is. */
    public enum Level { ERROR, WARNING, INFO }

    /** What went wrong. */
    public enum Kind {
        // --- reading
        /** The input is empty or holds no PEM block and is no other known format. */
        NO_PEM_DATA,
        /** A block has no END line, or its content is shorter than it declares. */
        TRUNCATED,
        /** A block's content is not valid base64 / ASN.1 of the declared type, or a header is malformed. */
        DAMAGED,
        /** A private key is encrypted and no password was given. */
        ENCRYPTED_KEY,
        /** A keystore (PKCS#12) is protected by a password and none was given. */
        PASSWORD_REQUIRED,
        /** The password given does not open the key or keystore. */
        WRONG_PASSWORD,
        /** An encrypted key or keystore was opened with the password given. */
        DECRYPTED,
        /** A block type Gatehouse does not use here (CSR, CRL, public key, parameters). */
        UNSUPPORTED_BLOCK,
        /** The input holds a private key but no certificate. */
        KEY_WITHOUT_CERTIFICATE,
        /** Text outside PEM blocks that looks like damaged PEM. */
        STRAY_TEXT,
        /** Bytes after a complete DER object that belong to nothing. */
        TRAILING_DATA,
        /** The input is far larger than certificate material ever is; it was not read. */
        TOO_LARGE,
        /** A limit of {@link dev.gatehouse.input.InputLimits} was hit (certificates per file, PBKDF2 iterations...). */
        LIMIT_EXCEEDED,
        /** The input is in a format Gatehouse does not read (JKS, ZIP, unknown binary, plain text). */
        UNKNOWN_FORMAT,
        /** The input was base64 text around PEM or DER (as in a Secret's data) and was decoded. */
        DECODED_BASE64,
        /** A file or folder could not be read (missing, no permission, I/O error). */
        UNREADABLE_FILE,
        /** A key uses an algorithm this Java runtime cannot load. */
        UNSUPPORTED_ALGORITHM,

        // --- analysis of a certificate set
        /** No certificate at all in the set. */
        NO_CERTIFICATE,
        /** No private key in the set (a TLS Secret needs one). */
        NO_KEY,
        /** More than one private key: the one matching the leaf is used. */
        SEVERAL_KEYS,
        /** The key belongs to no certificate of the set. */
        KEY_MISMATCH,
        /** The key belongs to a certificate that is not the leaf. */
        KEY_OF_OTHER_CERTIFICATE,
        /** The leaf is not the first certificate. */
        LEAF_NOT_FIRST,
        /** Intermediates are not each followed by their issuer. */
        INTERMEDIATES_OUT_OF_ORDER,
        /** A certificate of the set is not part of the leaf's chain. */
        UNRELATED_CERTIFICATE,
        /** The chain's certificates issue each other in a circle. */
        CHAIN_LOOP,
        /** The top certificate is the leaf and its issuer is neither included nor trusted: intermediates are missing. */
        CHAIN_INCOMPLETE,
        /** The chain ends at an intermediate CA whose issuer (a root) is not among the trusted roots here. */
        ROOT_NOT_TRUSTED,
        /** The self-signed root is included in the chain (allowed, not needed). */
        ROOT_INCLUDED,
        /** A certificate has expired. */
        EXPIRED,
        /** A certificate expires in fewer than 7 days. */
        EXPIRES_SOON,
        /** A certificate expires within 30 days. */
        EXPIRING,
        /** A certificate is not valid yet. */
        NOT_YET_VALID,
        /** A small key or a SHA-1/MD5 signature. */
        WEAK,
        /** The leaf's extended key usage excludes TLS servers. */
        NOT_FOR_SERVERS,
        /** A certificate lists an unusual number of subject alternative names. */
        MANY_NAMES,
        /** A host that uses the certificate is not covered by its names. */
        HOST_NOT_COVERED
    }

    public MaterialProblem {
        if (kind == null || level == null || blockIndex == null || message == null) {
            throw new IllegalArgumentException("kind, level, blockIndex and message are required");
        }
    }

    static MaterialProblem error(Kind kind, int block, String message) {
        return new MaterialProblem(kind, Level.ERROR, OptionalInt.of(block), message);
    }

    static MaterialProblem of(Kind kind, Level level, String message) {
        return new MaterialProblem(kind, level, OptionalInt.empty(), message);
    }

    /** An error about the whole input. */
    public static MaterialProblem error(Kind kind, String message) {
        return of(kind, Level.ERROR, message);
    }

    /** A warning about the whole input. */
    public static MaterialProblem warning(Kind kind, String message) {
        return of(kind, Level.WARNING, message);
    }

    /** A note about the whole input. */
    public static MaterialProblem info(Kind kind, String message) {
        return of(kind, Level.INFO, message);
    }

    /** True when a password would let Gatehouse read more (none given, or a wrong one). */
    public boolean asksForPassword() {
        return kind == Kind.ENCRYPTED_KEY || kind == Kind.PASSWORD_REQUIRED || kind == Kind.WRONG_PASSWORD;
    }
}
