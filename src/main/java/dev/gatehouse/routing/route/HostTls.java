package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Optional;

/**
 * A host's TLS certificate choice, decided by the front-end: the Secret it presents, or why the controller's
 * default certificate is presented instead.
 *
 * @param enabled  the host is TLS-enabled (ingress-nginx: a {@code tls} section applies; plain HTTP is then
 *                 redirected and HTTPS responses may carry HSTS), even when it ends up with the default certificate
 * @param chosenBy the object whose TLS configuration decided (an Ingress's {@code tls} section, a listener)
 * @param named    the Secret that configuration names, also when it cannot be served
 * @param secret   the Secret presented; empty = the controller's default certificate
 * @param reason   a plain sentence saying why this certificate (for the trace)
 */
public record HostTls(boolean enabled, Optional<ObjectRef> chosenBy, Optional<ObjectRef> named,
                      Optional<ServingSecret> secret, String reason) {

    /** No TLS for the host: the default certificate, for {@code reason}. */
    public static HostTls none(String reason) {
        return new HostTls(false, Optional.empty(), Optional.empty(), Optional.empty(), reason);
    }
}
