package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * How the controller carries a request to its backend: the one answer both the explanation (the
 * controller → Service leg) and the proxy (what it actually does upstream) read. Built by
 * the front-end (ingress-nginx: {@code routing.model.UpstreamPolicy}). {@link #toString()} shows no key material.
 *
 * @param protocol          the protocol to the backend
 * @param verification      whether and how the backend's certificate is verified
 * @param reason            why, as a plain phrase ("proxy-ssl-verify is off")
 * @param caSecret          the Secret whose {@code ca.crt} verifies the backend, if one is named
 * @param caCertificates    its CA certificates (empty unless {@link Verification#VERIFIED})
 * @param serverName        the name the backend's certificate must cover, also sent as SNI; empty =
 *                          the address connected to
 * @param clientCertificate the client certificate presented to the backend, if any
 */
public record Upstream(UpstreamProtocol protocol, Verification verification, String reason,
                       Optional<ObjectRef> caSecret, List<X509Certificate> caCertificates,
                       Optional<String> serverName, Optional<UpstreamClientCertificate> clientCertificate) {

    /** Whether the backend's certificate is checked. */
    public enum Verification {
        /** No TLS to the backend. */
        NOT_ENCRYPTED,
        /** TLS without verification ({@code proxy-ssl-verify} off). */
        OFF,
        /** Verification is on but the CA Secret has no usable {@code ca.crt}: the backend is not verified. */
        CA_UNUSABLE,
        /** Verification is on with a CA Secret that is not in the input: the controller verifies, Gatehouse cannot. */
        CA_NOT_IN_INPUT,
        /** Verified against {@link #caCertificates()} and {@link #serverName()}. */
        VERIFIED
    }

    /** Plain HTTP, the default. */
    public static final Upstream PLAIN_HTTP = plain(UpstreamProtocol.HTTP);

    public Upstream {
        caCertificates = List.copyOf(caCertificates);
    }

    /** A cleartext protocol to the backend. */
    public static Upstream plain(UpstreamProtocol protocol) {
        return new Upstream(protocol, Verification.NOT_ENCRYPTED, "backend-protocol is " + protocol.name(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    /** TLS to the backend. */
    public boolean tls() {
        return verification != Verification.NOT_ENCRYPTED;
    }

    /** The controller verifies the backend's certificate (also when the CA is not in the input). */
    public boolean verified() {
        return verification == Verification.VERIFIED || verification == Verification.CA_NOT_IN_INPUT;
    }

    /** Both sides present certificates: verified, and a client certificate is sent. */
    public boolean mutual() {
        return verified() && clientCertificate.isPresent();
    }

    @Override
    public String toString() {
        return "Upstream[" + protocol + ", " + verification + caSecret.map(s -> ", CA " + s.path()).orElse("")
                + serverName.map(n -> ", name " + n).orElse("")
                + clientCertificate.map(c -> ", client certificate " + c.secret().path()).orElse("") + "]";
    }
}
