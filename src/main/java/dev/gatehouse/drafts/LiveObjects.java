package dev.gatehouse.drafts;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.ResourceCache;
import dev.gatehouse.cluster.Subscription;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/** The live object a draft stands against, from the session's informer caches (never a request). */
public final class LiveObjects {
    private LiveObjects() {
    }

    /** The live object of that kind and namespace/name, if the session's caches hold it. */
    public static Optional<HasMetadata> find(ClusterSession session, DraftKind kind, String namespace, String name) {
        if (session == null) {
            return Optional.empty();
        }
        return cache(session, kind).get(namespace, name).map(HasMetadata.class::cast);
    }

    /** Calls {@code change} after every change of a kind a draft can hold. */
    public static Subscription onChange(ClusterSession session, Runnable change) {
        List<Subscription> all = java.util.Arrays.stream(DraftKind.values()).map(k -> cache(session, k).onChange(change))
                .toList();
        return () -> all.forEach(Subscription::cancel);
    }

    private static ResourceCache<? extends HasMetadata> cache(ClusterSession s, DraftKind kind) {
        return switch (kind) {
            case INGRESS -> s.ingresses();
            case HTTPROUTE -> s.gatewayApi().httpRoutes();
            case GATEWAY -> s.gatewayApi().gateways();
            case REFERENCEGRANT -> s.gatewayApi().referenceGrants();
            case BACKENDTLSPOLICY -> s.gatewayApi().backendTlsPolicies();
            case TLSROUTE -> s.gatewayApi().tlsRoutes();
        };
    }
}
