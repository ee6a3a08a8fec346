package dev.gatehouse.tls;

import java.util.OptionalInt;

/**
 * Something wrong or noteworthy in read material, with a plain message such as
 * "PEM block 2 (CERTIFICATE) is truncated".
 *
 * @param kind       what kind of problem, for code that reacts to it
 * @param level      how serious it is
 * @param blockIndex the 1-based PEM block it concerns, if any
 * @param message    a plain sentence for the user
 */
public record MaterialProblem(Kind kind, Level level, OptionalInt blockIndex, String message) {

    /** How serious a problem is. */
    public enum Level { ERROR, WARNING, INFO }

    /** What went wrong. */
    public enum Kind {
        /** The input holds no PEM block at all. */
        NO_PEM_DATA,
        /** A block has no END line, or its content is shorter than it declares. */
        TRUNCATED,
        /** A block's content is not valid base64 / ASN.1 of the declared type. */
        DAMAGED,
        /** A private key is encrypted; reading those needs a password (later extension). */
        ENCRYPTED_KEY,
        /** A block type Gatehouse does not use here (CSR, CRL, public key, parameters). */
        UNSUPPORTED_BLOCK,
        /** The input holds a private key but no certificate. */
        KEY_WITHOUT_CERTIFICATE,
        /** Text outside PEM blocks that looks like damaged PEM. */
        STRAY_TEXT
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
}
