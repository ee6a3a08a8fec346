package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerSet;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ClusterView} that shows drafts over another view: a draft (an Ingress or a namespaced Gateway API
 * object: Gateway, HTTPRoute, GRPCRoute, TLSRoute, ReferenceGrant, BackendTLSPolicy, ListenerSet) replaces the
 * object of the same kind and namespace/name (keeping its position, which decides precedence ties), or is added
 * when there is none; removals hide objects. Everything else comes from the base view, read at call time.
 * Immutable: {@link #with} and {@link #without} return new overlays.
 */
public final class DraftOverlay implements ClusterView {

    private final ClusterView base;
    private final Map<ObjectRef, HasMetadata> drafts;
    private final Set<ObjectRef> removed;

    private DraftOverlay(ClusterView base, Map<ObjectRef, HasMetadata> drafts, Set<ObjectRef> removed) {
        this.base = base;
        this.drafts = drafts;
        this.removed = removed;
    }

    /** An overlay with no drafts yet. */
    public static DraftOverlay over(ClusterView base) {
        return new DraftOverlay(base, Map.of(), Set.of());
    }

    /** This overlay plus a draft (replacing any earlier draft of the same kind and name). */
    public DraftOverlay with(HasMetadata draft) {
        ObjectRef ref = refOf(draft);
        Map<ObjectRef, HasMetadata> next = new LinkedHashMap<>(drafts);
        next.put(ref, draft);
        Set<ObjectRef> gone = new LinkedHashSet<>(removed);
        gone.remove(ref);
        return new DraftOverlay(base, Collections.unmodifiableMap(next), Collections.unmodifiableSet(gone));
    }

    /** This overlay with the Ingress of that namespace/name hidden (and any draft of it dropped). */
    public DraftOverlay without(String namespace, String name) {
        return without(ObjectRef.ingress(namespace, name));
    }

    /** This overlay with the object {@code ref} names hidden (and any draft of it dropped). */
    public DraftOverlay without(ObjectRef ref) {
        Map<ObjectRef, HasMetadata> next = new LinkedHashMap<>(drafts);
        next.remove(ref);
        Set<ObjectRef> gone = new LinkedHashSet<>(removed);
        gone.add(ref);
        return new DraftOverlay(base, Collections.unmodifiableMap(next), Collections.unmodifiableSet(gone));
    }

    /** The drafts, by reference. */
    public Map<ObjectRef, HasMetadata> drafts() {
        return drafts;
    }

    private static ObjectRef refOf(HasMetadata o) {
        String kind = o.getKind() != null ? o.getKind() : o.getClass().getSimpleName();
        return new ObjectRef(kind, ObjectRef.namespaceOf(o), ObjectRef.nameOf(o));
    }

    /** The base's objects of one kind with the drafts of that kind in place (or appended) and removals hidden. */
    private <T extends HasMetadata> List<T> merged(List<T> live, Class<T> type) {
        List<T> result = new ArrayList<>();
        Set<ObjectRef> placed = new LinkedHashSet<>();
        for (T object : live) {
            ObjectRef ref = refOf(object);
            if (removed.contains(ref)) {
                continue;
            }
            HasMetadata draft = drafts.get(ref);
            result.add(type.isInstance(draft) ? type.cast(draft) : object);
            placed.add(ref);
        }
        drafts.forEach((ref, draft) -> {
            if (type.isInstance(draft) && !placed.contains(ref)) {
                result.add(type.cast(draft));
            }
        });
        return List.copyOf(result);
    }

    @Override
    public List<Ingress> ingresses() {
        return merged(base.ingresses(), Ingress.class);
    }

    @Override
    public List<IngressClass> ingressClasses() {
        return base.ingressClasses();
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return base.secret(namespace, name);
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        return base.service(namespace, name);
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        return base.endpointSlices(namespace, serviceName);
    }

    @Override
    public List<GatewayClass> gatewayClasses() {
        return base.gatewayClasses();
    }

    @Override
    public List<Gateway> gateways() {
        return merged(base.gateways(), Gateway.class);
    }

    @Override
    public List<ListenerSet> listenerSets() {
        return merged(base.listenerSets(), ListenerSet.class);
    }

    @Override
    public List<HTTPRoute> httpRoutes() {
        return merged(base.httpRoutes(), HTTPRoute.class);
    }

    @Override
    public List<GRPCRoute> grpcRoutes() {
        return merged(base.grpcRoutes(), GRPCRoute.class);
    }

    @Override
    public List<TLSRoute> tlsRoutes() {
        return merged(base.tlsRoutes(), TLSRoute.class);
    }

    @Override
    public List<ReferenceGrant> referenceGrants() {
        return merged(base.referenceGrants(), ReferenceGrant.class);
    }

    @Override
    public List<BackendTLSPolicy> backendTlsPolicies() {
        return merged(base.backendTlsPolicies(), BackendTLSPolicy.class);
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return base.configMap(namespace, name);
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return base.namespace(name);
    }

    @Override
    public Scope scope() {
        return base.scope();
    }
}
