package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ClusterView} that shows draft Ingresses over another view: a draft replaces the Ingress of the
 * same namespace/name (keeping its position), or is added when there is none; removals hide Ingresses.
 * Everything else comes from the base view, read at call time. Immutable: {@link #with} and
 * {@link #without} return new overlays.
 */
public final class DraftOverlay implements ClusterView {

    private final ClusterView base;
    private final Map<ObjectRef, Ingress> drafts;
    private final Set<ObjectRef> removed;

    private DraftOverlay(ClusterView base, Map<ObjectRef, Ingress> drafts, Set<ObjectRef> removed) {
        this.base = base;
        this.drafts = drafts;
        this.removed = removed;
    }

    /** An overlay with no drafts yet. */
    public static DraftOverlay over(ClusterView base) {
        return new DraftOverlay(base, Map.of(), Set.of());
    }

    /** This overlay plus a draft Ingress (replacing any earlier draft of the same name). */
    public DraftOverlay with(Ingress draft) {
        ObjectRef ref = ObjectRef.ingress(ObjectRef.namespaceOf(draft), ObjectRef.nameOf(draft));
        Map<ObjectRef, Ingress> next = new LinkedHashMap<>(drafts);
        next.put(ref, draft);
        Set<ObjectRef> gone = new LinkedHashSet<>(removed);
        gone.remove(ref);
        return new DraftOverlay(base, java.util.Collections.unmodifiableMap(next),
                java.util.Collections.unmodifiableSet(gone));
    }

    /** This overlay with the Ingress of that namespace/name hidden (and any draft of it dropped). */
    public DraftOverlay without(String namespace, String name) {
        ObjectRef ref = ObjectRef.ingress(namespace, name);
        Map<ObjectRef, Ingress> next = new LinkedHashMap<>(drafts);
        next.remove(ref);
        Set<ObjectRef> gone = new LinkedHashSet<>(removed);
        gone.add(ref);
        return new DraftOverlay(base, java.util.Collections.unmodifiableMap(next),
                java.util.Collections.unmodifiableSet(gone));
    }

    /** The drafts, by reference. */
    public Map<ObjectRef, Ingress> drafts() {
        return drafts;
    }

    @Override
    public List<Ingress> ingresses() {
        List<Ingress> result = new ArrayList<>();
        Set<ObjectRef> placed = new LinkedHashSet<>();
        for (Ingress ingress : base.ingresses()) {
            ObjectRef ref = ObjectRef.ingress(ObjectRef.namespaceOf(ingress), ObjectRef.nameOf(ingress));
            if (removed.contains(ref)) {
                continue;
            }
            Ingress draft = drafts.get(ref);
            result.add(draft != null ? draft : ingress);
            placed.add(ref);
        }
        drafts.forEach((ref, draft) -> {
            if (!placed.contains(ref)) {
                result.add(draft);
            }
        });
        return List.copyOf(result);
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
    public Scope scope() {
        return base.scope();
    }
}
