package dev.gatehouse.routing.input;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable {@link ClusterView} over a fixed set of objects (YAML files, tests, snapshots).
 * Objects of other kinds are ignored. By default its {@link #scope()} says a kind is present when at
 * least one object of that kind was given.
 */
public final class InMemoryClusterView implements ClusterView {

    public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private final List<Ingress> ingresses;
    private final List<IngressClass> classes;
    private final Map<String, Secret> secrets;
    private final Map<String, Service> services;
    private final Map<String, List<EndpointSlice>> slices;
    private final Scope scope;

    private InMemoryClusterView(Collection<? extends HasMetadata> objects, Scope scope) {
        List<Ingress> ing = new ArrayList<>();
        List<IngressClass> cls = new ArrayList<>();
        Map<String, Secret> sec = new LinkedHashMap<>();
        Map<String, Service> svc = new LinkedHashMap<>();
        Map<String, List<EndpointSlice>> eps = new LinkedHashMap<>();
        for (HasMetadata o : objects) {
            if (o instanceof Ingress i) {
                ing.add(i);
            } else if (o instanceof IngressClass c) {
                cls.add(c);
            } else if (o instanceof Secret s) {
                sec.put(key(ObjectRef.namespaceOf(s), ObjectRef.nameOf(s)), s);
            } else if (o instanceof Service s) {
                svc.put(key(ObjectRef.namespaceOf(s), ObjectRef.nameOf(s)), s);
            } else if (o instanceof EndpointSlice e) {
                String service = e.getMetadata() == null || e.getMetadata().getLabels() == null ? null
                        : e.getMetadata().getLabels().get(SERVICE_NAME_LABEL);
                if (service != null) {
                    eps.computeIfAbsent(key(ObjectRef.namespaceOf(e), service), k -> new ArrayList<>()).add(e);
                }
            }
        }
        this.ingresses = List.copyOf(ing);
        this.classes = List.copyOf(cls);
        this.secrets = Map.copyOf(sec);
        this.services = Map.copyOf(svc);
        Map<String, List<EndpointSlice>> frozen = new LinkedHashMap<>();
        eps.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.slices = Map.copyOf(frozen);
        this.scope = scope != null ? scope
                : new Scope(!sec.isEmpty(), !svc.isEmpty(), !eps.isEmpty());
    }

    /** A view of the given objects; the scope follows which kinds are present. */
    public static InMemoryClusterView of(Collection<? extends HasMetadata> objects) {
        return new InMemoryClusterView(objects, null);
    }

    /** A view of the given objects with an explicit scope. */
    public static InMemoryClusterView of(Collection<? extends HasMetadata> objects, Scope scope) {
        return new InMemoryClusterView(objects, scope);
    }

    /** A view holding everything (missing objects are missing). */
    public static InMemoryClusterView complete(Collection<? extends HasMetadata> objects) {
        return new InMemoryClusterView(objects, Scope.COMPLETE);
    }

    public static InMemoryClusterView empty() {
        return new InMemoryClusterView(List.of(), Scope.COMPLETE);
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    @Override
    public List<Ingress> ingresses() {
        return ingresses;
    }

    @Override
    public List<IngressClass> ingressClasses() {
        return classes;
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(secrets.get(key(namespace, name)));
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        return Optional.ofNullable(services.get(key(namespace, name)));
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        return slices.getOrDefault(key(namespace, serviceName), List.of());
    }

    @Override
    public Scope scope() {
        return scope;
    }

    /** Number of objects of the kinds this view keeps. */
    public int size() {
        return ingresses.size() + classes.size() + secrets.size() + services.size()
                + slices.values().stream().mapToInt(List::size).sum();
    }
}
