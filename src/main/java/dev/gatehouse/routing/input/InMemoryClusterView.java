package dev.gatehouse.routing.input;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerSet;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import java.util.Set;

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
    /** The Gateway API kinds a view keeps (gateway.networking.k8s.io/v1). */
    public static final Set<Class<? extends HasMetadata>> GATEWAY_KINDS = Set.of(GatewayClass.class, Gateway.class,
            ListenerSet.class, HTTPRoute.class, GRPCRoute.class, TLSRoute.class, ReferenceGrant.class,
            BackendTLSPolicy.class);

    private final List<Ingress> ingresses;
    private final List<IngressClass> classes;
    private final Map<String, Secret> secrets;
    private final Map<String, Service> services;
    private final Map<String, List<EndpointSlice>> slices;
    private final Scope scope;
    /** Gateway API objects, ConfigMaps and Namespaces, by class, in input order. */
    private final Map<Class<?>, List<HasMetadata>> byKind;
    private final Map<String, ConfigMap> configMaps;
    private final Map<String, Namespace> namespaces;

    private InMemoryClusterView(Collection<? extends HasMetadata> objects, Scope scope) {
        List<Ingress> ing = new ArrayList<>();
        List<IngressClass> cls = new ArrayList<>();
        Map<String, Secret> sec = new LinkedHashMap<>();
        Map<String, Service> svc = new LinkedHashMap<>();
        Map<String, List<EndpointSlice>> eps = new LinkedHashMap<>();
        Map<Class<?>, List<HasMetadata>> kinds = new LinkedHashMap<>();
        Map<String, ConfigMap> cms = new LinkedHashMap<>();
        Map<String, Namespace> nss = new LinkedHashMap<>();
        for (HasMetadata o : objects) {
            if (GATEWAY_KINDS.contains(o.getClass())) {
                kinds.computeIfAbsent(o.getClass(), k -> new ArrayList<>()).add(o);
            } else if (o instanceof ConfigMap c) {
                cms.put(key(ObjectRef.namespaceOf(c), ObjectRef.nameOf(c)), c);
            } else if (o instanceof Namespace n) {
                nss.put(ObjectRef.nameOf(n), n);
            } else if (o instanceof Ingress i) {
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
        Map<Class<?>, List<HasMetadata>> frozenKinds = new LinkedHashMap<>();
        kinds.forEach((k, v) -> frozenKinds.put(k, List.copyOf(v)));
        this.byKind = Map.copyOf(frozenKinds);
        this.configMaps = Map.copyOf(cms);
        this.namespaces = Map.copyOf(nss);
        this.scope = scope != null ? scope
                : new Scope(!sec.isEmpty(), !svc.isEmpty(), !eps.isEmpty(), !cms.isEmpty(), !nss.isEmpty());
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
    public List<GatewayClass> gatewayClasses() {
        return list(GatewayClass.class);
    }

    @Override
    public List<Gateway> gateways() {
        return list(Gateway.class);
    }

    @Override
    public List<ListenerSet> listenerSets() {
        return list(ListenerSet.class);
    }

    @Override
    public List<HTTPRoute> httpRoutes() {
        return list(HTTPRoute.class);
    }

    @Override
    public List<GRPCRoute> grpcRoutes() {
        return list(GRPCRoute.class);
    }

    @Override
    public List<TLSRoute> tlsRoutes() {
        return list(TLSRoute.class);
    }

    @Override
    public List<ReferenceGrant> referenceGrants() {
        return list(ReferenceGrant.class);
    }

    @Override
    public List<BackendTLSPolicy> backendTlsPolicies() {
        return list(BackendTLSPolicy.class);
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(configMaps.get(key(namespace, name)));
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(Class<T> kind) {
        return (List<T>) byKind.getOrDefault(kind, List.of());
    }

    @Override
    public Scope scope() {
        return scope;
    }

    /** Number of objects of the kinds this view keeps. */
    public int size() {
        return ingresses.size() + classes.size() + secrets.size() + services.size()
                + slices.values().stream().mapToInt(List::size).sum()
                + byKind.values().stream().mapToInt(List::size).sum() + configMaps.size() + namespaces.size();
    }
}
