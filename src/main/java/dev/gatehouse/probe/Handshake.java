package dev.gatehouse.probe;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one completed TLS handshake showed.
 *
 * @param chain    the certificates the server sent, in the order sent (leaf first if the server is right)
 * @param protocol the negotiated version, e.g. {@code TLSv1.3}
 * @param cipher   the negotiated cipher suite
 * @param alpn     the application protocol the server selected ({@code h2}, {@code http/1.1}); empty = none
 * @param ocsp     the stapled OCSP response (DER), when the server sent one
 * @param time     from the TCP connection to the end of the handshake
 */
public record Handshake(List<X509Certificate> chain, String protocol, String cipher, Optional<String> alpn,
                        Optional<byte[]> ocsp, Duration time) {

    public Handshake {
        chain = List.copyOf(chain);
        ocsp = ocsp.filter(b -> b.length > 0).map(byte[]::clone);
    }

    /** The first certificate sent. */
    public Optional<X509Certificate> leaf() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }
}
