package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import java.util.List;
import java.util.Optional;

/**
 * One nginx {@code server} block as ingress-nginx builds it: all paths of all handled Ingresses for one
 * host, merged. The catch-all server (host "") holds rules without a host.
 *
 * @param pattern        the host
 * @param createdBy      the oldest Ingress with a rule for this host (empty for the catch-all)
 * @param fallback       the {@code spec.defaultBackend} answering unmatched paths, if any
 * @param fallbackNginx  annotations applying to the fallback location (those of {@code createdBy})
 * @param paths          paths in use, in Ingress order
 * @param conflicts      paths ignored because an older Ingress has the same host and path
 * @param regexBy        the Ingress whose {@code use-regex}/{@code rewrite-target} makes every path a regex
 * @param tls            how the host got its certificate; empty = no TLS section applies
 * @param authTls        client-certificate authentication, if any
 * @param passthroughBy  the Ingress requesting {@code ssl-passthrough}, if any
 * @param contributors   every handled Ingress with a rule for this host, in order
 */
public record Server(HostPattern pattern, Optional<ObjectRef> createdBy, Optional<DefaultBackendRef> fallback,
                     NginxAnnotations fallbackNginx, List<PathRule> paths, List<PathConflict> conflicts,
                     Optional<ObjectRef> regexBy, Optional<TlsBinding> tls, Optional<AuthTlsBinding> authTls,
                     Optional<ObjectRef> passthroughBy, List<ObjectRef> contributors) {

    public Server {
        paths = List.copyOf(paths);
        conflicts = List.copyOf(conflicts);
        contributors = List.copyOf(contributors);
    }

    public boolean catchAll() {
        return pattern.kind() == HostPattern.Kind.ANY;
    }

    /** All paths of the host are case-insensitive regular expressions. */
    public boolean regex() {
        return regexBy.isPresent();
    }

    /** The host is TLS-enabled: it has a certificate (maybe the default one) and plain HTTP is redirected. */
    public boolean hasTls() {
        return tls.isPresent();
    }
}
