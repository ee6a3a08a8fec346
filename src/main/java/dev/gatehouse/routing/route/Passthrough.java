package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Optional;

/**
 * TLS passthrough of a host (ingress-nginx {@code ssl-passthrough}, Gateway API TLSRoute passthrough): the
 * connection whose SNI names the host goes to one backend without TLS being terminated.
 *
 * @param requestedBy the object asking for it
 * @param root        the rule whose backend takes the connections (ingress-nginx: the {@code "/"} path), if any
 * @param backend     the backend the connections go to, if any
 */
public record Passthrough(ObjectRef requestedBy, Optional<RouteRule> root, Optional<BackendRef> backend) {
}
