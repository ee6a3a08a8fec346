package dev.gatehouse.proxy.route;

import dev.gatehouse.routing.ClientCertificate;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Asks TLS clients for a certificate issued by the given CAs and fails the handshake unless the chain sent is
 * verified by them ({@link ClientCertificates#verify}, the same check the Ingress path makes per request): a
 * Gateway listener whose {@code spec.tls.frontend} validation is {@code AllowValidOnly}. Together with
 * {@code ClientAuth.REQUIRE}, a connection without a certificate fails too.
 */
final class VerifyingTrustManager extends X509ExtendedTrustManager {

    private final List<X509Certificate> cas;
    private final Clock clock;

    VerifyingTrustManager(List<X509Certificate> cas, Clock clock) {
        this.cas = List.copyOf(cas);
        this.clock = clock;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        ClientCertificate verdict = ClientCertificates.verify(chain == null ? List.of() : List.of(chain), cas,
                clock.instant());
        if (verdict.presence() != ClientCertificate.Presence.TRUSTED) {
            throw new CertificateException("the client certificate is not issued by the listener's CA");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("server side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("server side only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("server side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return cas.toArray(X509Certificate[]::new);
    }
}
