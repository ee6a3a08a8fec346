package dev.gatehouse.proxy.route;

import dev.gatehouse.routing.route.Upstream;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * How the proxy speaks to a backend: plain HTTP, or TLS (re-encryption, {@code backend-protocol: HTTPS}),
 * verifying the backend's certificate when {@code proxy-ssl-verify} is on.
 *
 * @param enabled     TLS to the backend
 * @param verify      verify the backend's certificate against {@code trusted} and {@code verifyName}
 * @param trusted     CA certificates from {@code proxy-ssl-secret}'s {@code ca.crt}
 * @param verifyName  the name the certificate must cover ({@code proxy-ssl-name}); also sent as SNI
 * @param clientKey   key of the client certificate from {@code proxy-ssl-secret} ({@code tls.key})
 * @param clientChain its certificate chain ({@code tls.crt})
 */
public record UpstreamTls(boolean enabled, boolean verify, List<X509Certificate> trusted, Optional<String> verifyName,
                          Optional<PrivateKey> clientKey, List<X509Certificate> clientChain) {

    public static final UpstreamTls PLAIN = new UpstreamTls(false, false, List.of(), Optional.empty(),
            Optional.empty(), List.of());

    public UpstreamTls {
        trusted = List.copyOf(trusted);
        clientChain = List.copyOf(clientChain);
    }

    /**
     * What the proxy does for the engine's answer. A backend the controller verifies with a CA Secret that
     * is not in the input is still verified: with no CA to trust, the connection fails rather than going
     * out unverified.
     */
    public static UpstreamTls of(Upstream upstream) {
        if (!upstream.tls()) {
            return PLAIN;
        }
        var client = upstream.clientCertificate().filter(c -> c.readable());
        return new UpstreamTls(true, upstream.verified(), upstream.caCertificates(), upstream.serverName(),
                client.flatMap(c -> c.key()), client.map(c -> c.chain()).orElse(List.of()));
    }

    /** For people: "HTTPS, certificate verified for ledger.payments.svc". */
    public String describe() {
        if (!enabled) {
            return "HTTP";
        }
        return verify ? "HTTPS, certificate verified" + verifyName.map(n -> " for " + n).orElse("")
                : "HTTPS, certificate not verified";
    }

    @Override
    public String toString() {
        return "UpstreamTls[" + describe() + (clientKey.isPresent() ? ", with a client certificate" : "") + "]";
    }

    /** Identity for connection pooling and context caching (key material by identity only). */
    public String id() {
        if (!enabled) {
            return "plain";
        }
        StringBuilder b = new StringBuilder("tls");
        b.append(verify ? ":verify:" : ":any:").append(verifyName.orElse(""));
        trusted.forEach(c -> b.append(':').append(c.getSerialNumber()));
        clientChain.forEach(c -> b.append(":c").append(c.getSerialNumber()));
        return b.toString();
    }
}
