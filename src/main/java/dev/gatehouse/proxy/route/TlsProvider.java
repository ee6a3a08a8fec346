package dev.gatehouse.proxy.route;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/**
 * Which TLS implementation the proxy uses: BoringSSL through netty-tcnative when its native
 * library loads, otherwise the JDK's (a logged fallback).
 */
public record TlsProvider(SslProvider provider, String description) {

    public static TlsProvider detect() {
        try {
            if (OpenSsl.isAvailable()) {
                return new TlsProvider(SslProvider.OPENSSL, OpenSsl.versionString());
            }
            Throwable cause = OpenSsl.unavailabilityCause();
            String why = cause == null ? "native library not available" : cause.getMessage();
            return new TlsProvider(SslProvider.JDK, "JDK " + System.getProperty("java.version")
                    + " (BoringSSL unavailable: " + why + ")");
        } catch (LinkageError e) {
            return new TlsProvider(SslProvider.JDK, "JDK " + System.getProperty("java.version")
                    + " (BoringSSL unavailable: " + e.getMessage() + ")");
        }
    }

    public boolean isBoringSsl() {
        return provider == SslProvider.OPENSSL;
    }
}
