package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.CertificateInfo;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The Secret whose certificate a host presents on the TLS handshake, as neutral data. {@link #toString()}
 * shows no key material.
 *
 * @param ref         the Secret
 * @param certificate its first certificate (empty when the Secret is not in the input)
 * @param key         its private key, when the Secret can be served (exists, certificate and key match)
 * @param chain       its certificate chain, leaf first, when the Secret can be served
 */
public record ServingSecret(ObjectRef ref, Optional<CertificateInfo> certificate, Optional<PrivateKey> key,
                            List<X509Certificate> chain) {

    public ServingSecret {
        chain = List.copyOf(chain);
    }

    /** A server can present it: the key and the chain were read. */
    public boolean servable() {
        return key.isPresent() && !chain.isEmpty();
    }

    @Override
    public String toString() {
        return "ServingSecret[" + ref.path() + (servable() ? ", " + chain.size() + " certificate(s)" : ", not servable")
                + "]";
    }
}
