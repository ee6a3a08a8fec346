package dev.gatehouse.cli;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.app.Version;
import dev.gatehouse.proxy.route.TlsProvider;
import dev.gatehouse.proxy.server.Transport;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.io.PrintWriter;
import java.security.Provider;
import java.util.function.Supplier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * {@code gatehouse --self-check}: a headless check that a packaged runtime is complete. Prints
 * the versions and the TLS provider, then proves that BouncyCastle and BoringSSL work: a fresh
 * ECDSA P-256 self-signed certificate is built (BouncyCastle PKIX on the JDK's EC keys), verified
 * with the BouncyCastle provider, and loaded into a BoringSSL server context. Exit code 0 when
 * all of it works, 1 with a plain message otherwise.
 */
public final class SelfCheck {
    private final Supplier<TlsProvider> tls;

    public SelfCheck() {
        this(TlsProvider::detect);
    }

    SelfCheck(Supplier<TlsProvider> tls) {
        this.tls = tls;
    }

    public int run(PrintWriter out, PrintWriter err) {
        out.println("Gatehouse " + Version.current());
        out.println("Java " + Version.java() + " at " + System.getProperty("java.home"));
        TlsProvider provider = tls.get();
        out.println("TLS provider: " + provider.description());
        int failures = 0;

        CertificateBundle certificate = null;
        try {
            Provider bc = new BouncyCastleProvider();
            certificate = CertificateBuilder.create(AppClock.system()).subject("CN=gatehouse-self-check").build();
            certificate.certificate().verify(certificate.keyPair().getPublic(), bc);
            out.println("BouncyCastle: " + bc.getName() + " " + bc.getVersionStr()
                    + " (ECDSA P-256 certificate signed and verified)");
        } catch (Exception | LinkageError e) {
            err.println("Self-check: BouncyCastle does not work: " + GatehouseCommand.plainMessage(e));
            failures++;
        }

        if (!provider.isBoringSsl()) {
            err.println("Self-check: BoringSSL did not load; the proxy would fall back to the JDK's TLS.");
            failures++;
        } else if (certificate != null) {
            failures += checkBoringSslContext(certificate, out, err);
        }

        Transport sockets = Transport.best().verified();
        out.println("Proxy sockets: " + sockets.display());
        if (!sockets.isNative() && Transport.nativeExpected()) {
            err.println("Self-check: neither io_uring nor native epoll loaded; the proxy would use Java NIO (slower).");
            failures++;
        }

        if (failures == 0) {
            out.println("Self-check passed.");
            return 0;
        }
        err.println("Self-check failed (" + failures + " problem" + (failures == 1 ? "" : "s") + ").");
        return 1;
    }

    private static int checkBoringSslContext(CertificateBundle certificate, PrintWriter out, PrintWriter err) {
        try {
            SslContext context = SslContextBuilder
                    .forServer(certificate.keyPair().getPrivate(), certificate.certificate())
                    .sslProvider(SslProvider.OPENSSL)
                    .build();
            ReferenceCountUtil.release(context);
            out.println("BoringSSL: server context with the ECDSA certificate built");
            return 0;
        } catch (Exception | LinkageError e) {
            err.println("Self-check: BoringSSL could not build a server context: " + GatehouseCommand.plainMessage(e));
            return 1;
        }
    }
}
