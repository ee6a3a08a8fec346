package dev.gatehouse.routing;

import java.util.Optional;

/**
 * The client certificate a probe request presents on the TLS handshake (for {@code auth-tls-*} hosts).
 *
 * @param presence none, one the CA trusts, or one it does not
 * @param subject  the certificate's subject DN, for {@code auth-tls-match-cn}
 */
public record ClientCertificate(Presence presence, Optional<String> subject) {

    /** What the client presents. */
    public enum Presence { NONE, TRUSTED, UNTRUSTED }

    public static final ClientCertificate NONE = new ClientCertificate(Presence.NONE, Optional.empty());

    public static ClientCertificate trusted(String subject) {
        return new ClientCertificate(Presence.TRUSTED, Optional.ofNullable(subject));
    }

    public static ClientCertificate untrusted() {
        return new ClientCertificate(Presence.UNTRUSTED, Optional.empty());
    }
}
