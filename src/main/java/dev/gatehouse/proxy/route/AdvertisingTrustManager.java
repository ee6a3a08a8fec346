package dev.gatehouse.proxy.route;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Asks TLS clients for a certificate issued by the given CAs but lets every handshake complete: like
 * nginx with {@code ssl_verify_client}, the verdict is an HTTP answer (400), not a failed handshake.
 * {@link ClientCertificates} verifies the presented chain afterwards.
 */
final class AdvertisingTrustManager extends X509ExtendedTrustManager {

    private final X509Certificate[] issuers;

    AdvertisingTrustManager(List<X509Certificate> issuers) {
        this.issuers = issuers.toArray(X509Certificate[]::new);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // verified per request against the host's CA
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // verified per request against the host's CA
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // verified per request against the host's CA
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
        return issuers.clone();
    }
}
