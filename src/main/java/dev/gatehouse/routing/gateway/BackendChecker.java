package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.model.BackendResolver;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.BackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks route backendRefs as a conformant controller does: core Service only (else {@code InvalidKind}),
 * another namespace only with a ReferenceGrant ({@code RefNotPermitted}), the Service and its port must exist
 * ({@code BackendNotFound}); a BackendTLSPolicy whose CA cannot be read makes the backend fail too.
 */
final class BackendChecker {

    private final BackendResolver resolver;
    private final ReferenceGrants grants;
    private final BackendTlsPolicies policies;
    /**
     * The verdict of each distinct reference, made once per model build: a thousand routes to one Service ask
     * the same question a thousand times, and the inputs (Services, grants, policies) are fixed for the build.
     */
    private final Map<Question, GatewayBackend> answered = new ConcurrentHashMap<>();

    private record Question(String routeNamespace, String routeKind, String group, String kind, String namespace,
                            String name, Integer port, Integer weight) {
    }

    BackendChecker(BackendResolver resolver, ReferenceGrants grants, BackendTlsPolicies policies) {
        this.resolver = resolver;
        this.grants = grants;
        this.policies = policies;
    }

    List<GatewayBackend> check(String routeNamespace, String routeKind, List<HTTPBackendRef> refs) {
        List<GatewayBackend> out = new ArrayList<>();
        for (HTTPBackendRef ref : refs == null ? List.<HTTPBackendRef>of() : refs) {
            out.add(one(routeNamespace, routeKind, ref.getGroup(), ref.getKind(), ref.getNamespace(), ref.getName(),
                    ref.getPort(), ref.getWeight()));
        }
        return out;
    }

    GatewayBackend one(String routeNamespace, String routeKind, String group, String kind, String namespace,
                       String name, Integer port, Integer weight) {
        return answered.computeIfAbsent(new Question(routeNamespace, routeKind, group, kind, namespace, name, port, weight),
                q -> decide(q.routeNamespace(), q.routeKind(), q.group(), q.kind(), q.namespace(), q.name(), q.port(),
                        q.weight()));
    }

    private GatewayBackend decide(String routeNamespace, String routeKind, String group, String kind, String namespace,
                                  String name, Integer port, Integer weight) {
        String g = group == null ? "" : group;
        String k = kind == null || kind.isEmpty() ? "Service" : kind;
        String ns = namespace == null || namespace.isEmpty() ? routeNamespace : namespace;
        String n = name == null ? "" : name;
        int w = weight == null ? 1 : Math.max(0, weight);
        boolean service = g.isEmpty() && k.equals("Service");
        BackendRef neutral = new BackendRef(service ? BackendRef.Kind.SERVICE : BackendRef.Kind.UNSUPPORTED, ns, n,
                port == null ? "" : String.valueOf(port), Optional.ofNullable(port), w);
        var plain = policies.decide(ns, n, port == null ? 0 : port);
        if (!service) {
            return invalid(neutral, plain, "InvalidKind", "backendRef " + n + " is a " + (g.isEmpty() ? "" : g + "/")
                    + k + "; only core Services are supported");
        }
        if (!ns.equals(routeNamespace)
                && grants.permitting(routeKind, routeNamespace, "Service", ns, n).isEmpty()) {
            return invalid(neutral, plain, "RefNotPermitted", "Service " + ns + "/" + n + " is in another namespace"
                    + " and no ReferenceGrant in " + ns + " lets " + routeKind + "s of " + routeNamespace + " use it");
        }
        if (port == null) {
            return invalid(neutral, plain, "BackendNotFound", "backendRef Service " + ns + "/" + n + " names no port");
        }
        ResolvedBackend resolved = resolver.resolve(neutral);
        switch (resolved.state()) {
            case SERVICE_MISSING, PORT_MISSING, INVALID -> {
                return invalid(neutral, plain, "BackendNotFound", resolved.detail());
            }
            default -> {
            }
        }
        if (!plain.usable()) {
            return invalid(neutral, plain, "InvalidCACertificateRef", "BackendTLSPolicy "
                    + plain.policy().map(p -> p.path()).orElse("") + " cannot be used: " + plain.problem().orElse("")
                    + "; connections to the backend fail");
        }
        return new GatewayBackend(neutral, plain.upstream(), plain.policy(), Optional.empty());
    }

    private static GatewayBackend invalid(BackendRef ref, BackendTlsPolicies.Decision tls, String reason, String message) {
        return new GatewayBackend(ref, tls.upstream(), tls.policy(), Optional.of(new GatewayBackend.Problem(reason, message)));
    }
}
