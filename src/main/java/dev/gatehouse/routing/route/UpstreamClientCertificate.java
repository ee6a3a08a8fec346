package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The client certificate the controller presents to a backend ({@code proxy-ssl-secret}'s {@code tls.crt}
 * and {@code tls.key}). {@link #toString()} shows no key material.
 *
 * @param secret the Secret it comes from
 * @param key    its private key; empty when the Secret is not in the input
 * @param chain  its certificate chain, leaf first; empty when the Secret is not in the input
 */
public record UpstreamClientCertificate(ObjectRef secret, Optional<PrivateKey> key, List<X509Certificate> chain) {

    public UpstreamClientCertificate {
        chain = List.copyOf(chain);
    }

    /** The key and chain were read, so a proxy can present them. */
    public boolean readable() {
        return key.isPresent() && !chain.isEmpty();
    }

    @Override
    public String toString() {
        return "UpstreamClientCertificate[" + secret.path() + (readable() ? ", " + chain.size() + " certificate(s)"
                : ", not in the input") + "]";
    }
}
