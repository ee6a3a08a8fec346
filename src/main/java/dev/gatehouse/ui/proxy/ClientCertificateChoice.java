package dev.gatehouse.ui.proxy;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A client certificate the request tester can present: a {@code kubernetes.io/tls} Secret whose
 * certificate is meant for client authentication.
 *
 * @param label shown in the picker ({@code payments/partner-acme-client (CN=acme-payments)})
 * @param key   its private key
 * @param chain its chain, leaf first
 */
public record ClientCertificateChoice(String label, PrivateKey key, List<X509Certificate> chain) {

    public ClientCertificateChoice {
        chain = List.copyOf(chain);
    }

    @Override
    public String toString() {
        return label;
    }
}
