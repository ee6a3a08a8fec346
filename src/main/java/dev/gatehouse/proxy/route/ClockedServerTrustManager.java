package dev.gatehouse.proxy.route;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Verifies a backend's certificate against the given CAs as the JDK's PKIX trust manager does (chain, and the host
 * name when the engine asks for endpoint identification), but judges validity at the app clock's "now" instead of
 * the machine's, so the proxy and the engine agree on which certificates are valid (one clock).
 */
final class ClockedServerTrustManager extends X509ExtendedTrustManager {

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> cas;
    private final Clock clock;
    /** The PKIX trust manager of the current second: backend handshakes within it reuse it. */
    private volatile Cached cached;

    private record Cached(long second, X509ExtendedTrustManager manager) {
    }

    ClockedServerTrustManager(List<X509Certificate> cas, Clock clock) {
        this.cas = List.copyOf(cas);
        this.anchors = cas.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    /** The JDK's PKIX trust manager for these CAs at the clock's current second (no revocation checks). */
    private X509ExtendedTrustManager now() throws CertificateException {
        long second = clock.instant().getEpochSecond();
        Cached c = cached;
        if (c != null && c.second() == second) {
            return c.manager();
        }
        X509ExtendedTrustManager manager = at(second);
        cached = new Cached(second, manager);
        return manager;
    }

    private X509ExtendedTrustManager at(long second) throws CertificateException {
        try {
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, new X509CertSelector());
            params.setRevocationEnabled(false);
            params.setDate(new Date(second * 1000));
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(new CertPathTrustManagerParameters(params));
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new CertificateException("no PKIX trust manager");
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot verify the backend's certificate: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        now().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        now().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        now().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return cas.toArray(X509Certificate[]::new);
    }
}
