package dev.gatehouse.tls;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One BouncyCastle provider instance for the password-based ciphers the JDK lacks (OpenSSL's legacy PEM
 * encryption, PBES2 with PKCS#7 padding names). It is passed explicitly to the builders that need it
 * and never registered with {@link java.security.Security}, so the rest of the JVM keeps the JDK's
 * providers.
 */
public final class BouncyCastle {

    private BouncyCastle() {
    }

    public static Provider provider() {
        return Holder.PROVIDER;
    }

    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
