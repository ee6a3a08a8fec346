package dev.gatehouse.tls;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies the password of an encrypted private key or a PKCS#12 keystore when a reader meets one.
 * The GUI reads once with {@link #none()} and, when a problem {@link MaterialProblem#asksForPassword()
 * asks for a password}, reads again with {@link #of(char[])}; the CLI may prompt on the console.
 * Readers copy nothing they are given into logs or messages.
 */
@FunctionalInterface
public interface PasswordSource {

    /**
     * What a reader needs a password for.
     *
     * @param source the input's name (file name, {@code tls.key})
     * @param item   what is encrypted, e.g. "PEM block 2 (encrypted private key)" or "the PKCS#12 keystore"
     */
    record Request(String source, String item) {
        public Request {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(item, "item");
        }
    }

    /** The password, or empty to leave the item unread. The reader may wipe the returned array. */
    Optional<char[]> passwordFor(Request request);

    /** Never gives a password: encrypted items are reported, not read. */
    static PasswordSource none() {
        return request -> Optional.empty();
    }

    /** The same password for every encrypted item (a copy is kept). */
    static PasswordSource of(char[] password) {
        char[] kept = Arrays.copyOf(password, password.length);
        return request -> Optional.of(Arrays.copyOf(kept, kept.length));
    }
}
