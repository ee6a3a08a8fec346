package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The mutable accumulator one conversion fills; {@link #build} freezes it into a {@link MigrationPlan}. */
final class PlanBuilder {

    final Gateway gateway;
    final boolean extendsExisting;
    final String gatewayClass;
    private final Map<String, Listener> listeners = new LinkedHashMap<>();
    private final Map<String, HTTPRoute> httpRoutes = new TreeMap<>();
    private final Map<String, TLSRoute> tlsRoutes = new TreeMap<>();
    private final Map<String, BackendTLSPolicy> policies = new TreeMap<>();
    private final Map<String, ReferenceGrant> grants = new TreeMap<>();
    private final Map<String, Set<String>> provenance = new LinkedHashMap<>();
    private final List<ConversionNote> notes = new ArrayList<>();
    private final Set<String> noted = new LinkedHashSet<>();

    PlanBuilder(Gateway gateway, boolean extendsExisting, String gatewayClass) {
        this.gateway = gateway;
        this.extendsExisting = extendsExisting;
        this.gatewayClass = gatewayClass;
        if (gateway.getSpec().getListeners() != null) {
            gateway.getSpec().getListeners().forEach(l -> listeners.put(l.getName(), l));
        }
    }

    String namespace() {
        return ObjectRef.namespaceOf(gateway);
    }

    Map<String, Listener> listeners() {
        return listeners;
    }

    void listener(Listener listener, String why) {
        listeners.putIfAbsent(listener.getName(), listener);
        comment(gateway, "listener " + listener.getName() + ": " + why);
    }

    HTTPRoute httpRoute(String namespace, String name) {
        return httpRoutes.get(namespace + "/" + name);
    }

    void add(HTTPRoute route) {
        httpRoutes.put(ObjectRef.namespaceOf(route) + "/" + route.getMetadata().getName(), route);
    }

    Iterable<HTTPRoute> httpRoutes() {
        return httpRoutes.values();
    }

    void add(TLSRoute route) {
        tlsRoutes.put(ObjectRef.namespaceOf(route) + "/" + route.getMetadata().getName(), route);
    }

    /** Adds the policy unless one for the same Service exists; returns the one kept. */
    BackendTLSPolicy add(BackendTLSPolicy policy) {
        return policies.computeIfAbsent(ObjectRef.namespaceOf(policy) + "/" + policy.getMetadata().getName(),
                k -> policy);
    }

    ReferenceGrant add(ReferenceGrant grant) {
        return grants.computeIfAbsent(ObjectRef.namespaceOf(grant) + "/" + grant.getMetadata().getName(), k -> grant);
    }

    void comment(HasMetadata object, String line) {
        provenance.computeIfAbsent(MigrationPlan.key(object), k -> new LinkedHashSet<>()).add(line);
    }

    /** Records a note once (the same annotation of the same Ingress is noted once). */
    void note(ConversionNote note) {
        if (noted.add(note.source() + "|" + note.annotation())) {
            notes.add(note);
        }
    }

    boolean noted(ObjectRef source, String annotation) {
        return noted.contains(source + "|" + annotation);
    }

    MigrationPlan build(List<ObjectRef> converted) {
        gateway.getSpec().setListeners(new ArrayList<>(listeners.values()));
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        provenance.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        List<ConversionNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparing(ConversionNote::source).thenComparing(ConversionNote::annotation));
        return new MigrationPlan(gateway, extendsExisting, gatewayClass, List.copyOf(httpRoutes.values()),
                List.copyOf(tlsRoutes.values()), List.copyOf(policies.values()), List.copyOf(grants.values()), frozen,
                sorted, converted);
    }
}
