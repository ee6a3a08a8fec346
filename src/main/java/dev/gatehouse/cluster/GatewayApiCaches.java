package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerSet;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The caches of the Gateway API kinds (gateway.networking.k8s.io/v1), of ConfigMaps (for BackendTLSPolicy CA
 * bundles) and of Namespaces (labels, for {@code allowedRoutes.namespaces.from: Selector}).
 *
 * <p>A cluster without the Gateway API CRDs is normal: API discovery tells which kinds are served before
 * any informer starts, and a kind not served gets {@link CacheStatus.NotServed} (no request, no error).
 * Kinds still missing are looked for again at the next {@link #start} (reconnect) and by
 * {@link #rediscovered}. Listing Namespaces is often forbidden to namespace-bound users: that is reported
 * by the cache's status but is not a problem of the connection ({@link #isNormalProblem}).
 */
public final class GatewayApiCaches {

    /** One CRD-backed kind. */
    record Crd<R extends HasMetadata>(Class<R> type, InformerCache<R, R> cache) {
        String plural() {
            return cache.plural();
        }
    }

    final InformerCache<GatewayClass, GatewayClass> gatewayClasses;
    final InformerCache<Gateway, Gateway> gateways;
    final InformerCache<ListenerSet, ListenerSet> listenerSets;
    final InformerCache<HTTPRoute, HTTPRoute> httpRoutes;
    final InformerCache<GRPCRoute, GRPCRoute> grpcRoutes;
    final InformerCache<TLSRoute, TLSRoute> tlsRoutes;
    final InformerCache<ReferenceGrant, ReferenceGrant> referenceGrants;
    final InformerCache<BackendTLSPolicy, BackendTLSPolicy> backendTlsPolicies;
    final InformerCache<ConfigMap, ConfigMap> configMaps;
    final InformerCache<Namespace, Namespace> namespaces;
    final List<Crd<?>> crds;
    final List<InformerCache<?, ?>> all;

    GatewayApiCaches(Executor callbacks, Runnable statusHook) {
        gatewayClasses = crd("GatewayClass", GatewayClass.class, callbacks, statusHook);
        gateways = crd("Gateway", Gateway.class, callbacks, statusHook);
        listenerSets = crd("ListenerSet", ListenerSet.class, callbacks, statusHook);
        httpRoutes = crd("HTTPRoute", HTTPRoute.class, callbacks, statusHook);
        grpcRoutes = crd("GRPCRoute", GRPCRoute.class, callbacks, statusHook);
        tlsRoutes = crd("TLSRoute", TLSRoute.class, callbacks, statusHook);
        referenceGrants = crd("ReferenceGrant", ReferenceGrant.class, callbacks, statusHook);
        backendTlsPolicies = crd("BackendTLSPolicy", BackendTLSPolicy.class, callbacks, statusHook);
        crds = List.of(new Crd<>(GatewayClass.class, gatewayClasses), new Crd<>(Gateway.class, gateways),
                new Crd<>(ListenerSet.class, listenerSets), new Crd<>(HTTPRoute.class, httpRoutes),
                new Crd<>(GRPCRoute.class, grpcRoutes), new Crd<>(TLSRoute.class, tlsRoutes),
                new Crd<>(ReferenceGrant.class, referenceGrants),
                new Crd<>(BackendTLSPolicy.class, backendTlsPolicies));
        // stripped twice: in the informer's own store and in what the cache hands out (events carry the full object)
        configMaps = new InformerCache<>("ConfigMap", "configmaps", true, ConfigMapItemStore::strip, callbacks,
                statusHook);
        namespaces = new InformerCache<>("Namespace", "namespaces", false, Function.identity(), callbacks, statusHook);
        List<InformerCache<?, ?>> caches = new ArrayList<>();
        crds.forEach(c -> caches.add(c.cache()));
        caches.add(configMaps);
        caches.add(namespaces);
        all = List.copyOf(caches);
    }

    private static <R extends HasMetadata> InformerCache<R, R> crd(String kind, Class<R> type, Executor callbacks,
                                                                 Runnable statusHook) {
        return new InformerCache<>(kind, HasMetadata.getPlural(type), Namespaced.class.isAssignableFrom(type), true,
                Function.identity(), callbacks, statusHook);
    }

    /** GatewayClasses (cluster-scoped). */
    public ResourceCache<GatewayClass> gatewayClasses() {
        return gatewayClasses;
    }

    public ResourceCache<Gateway> gateways() {
        return gateways;
    }

    public ResourceCache<ListenerSet> listenerSets() {
        return listenerSets;
    }

    public ResourceCache<HTTPRoute> httpRoutes() {
        return httpRoutes;
    }

    public ResourceCache<GRPCRoute> grpcRoutes() {
        return grpcRoutes;
    }

    public ResourceCache<TLSRoute> tlsRoutes() {
        return tlsRoutes;
    }

    public ResourceCache<ReferenceGrant> referenceGrants() {
        return referenceGrants;
    }

    public ResourceCache<BackendTLSPolicy> backendTlsPolicies() {
        return backendTlsPolicies;
    }

    /** ConfigMaps, reduced to their {@code ca.crt} (other values are empty: see {@link ConfigMapItemStore}). */
    public ResourceCache<ConfigMap> configMaps() {
        return configMaps;
    }

    /**
     * Namespaces (cluster-scoped; a one-namespace session holds only its own), for their labels. Often forbidden
     * to namespace-bound users: then the status is {@link CacheStatus.Forbidden}, the connection is not degraded.
     */
    public ResourceCache<Namespace> namespaces() {
        return namespaces;
    }

    /** Whether the cluster serves at least one Gateway API kind that this session watches. */
    public boolean served() {
        return crds.stream().anyMatch(c -> c.cache().running());
    }

    /** Whether a problem of {@code cache} is normal and not worth reporting (Namespaces forbidden). */
    boolean isNormalProblem(ResourceCache<?> cache) {
        return cache == namespaces && cache.status() instanceof CacheStatus.Forbidden;
    }

    /** Asks API discovery which Gateway API kinds the cluster serves (a blocking request: call it under no lock). */
    GatewayApiDiscovery discover(KubernetesClient client, String server) {
        Set<String> wanted = new LinkedHashSet<>();
        crds.forEach(c -> wanted.add(c.plural()));
        return GatewayApiDiscovery.discover(client, wanted, server);
    }

    /** Starts ConfigMaps, Namespaces and the Gateway API kinds {@code found} says the cluster serves. */
    void start(KubernetesClient client, NamespaceScope scope, String server, GatewayApiDiscovery found) {
        SharedIndexInformer<ConfigMap> configMapInformer = scoped(client.configMaps(), scope).runnableInformer(0);
        configMapInformer.itemStore(new ConfigMapItemStore());
        configMaps.attach(configMapInformer, t -> Failure.ofInformer(t, server, "configmaps", scope.describe()));
        // a one-namespace session needs only its own namespace's labels (its routes all live there)
        Informable<Namespace> ns = scope.namespace().<Informable<Namespace>>map(n -> client.namespaces().withName(n))
                .orElseGet(client::namespaces);
        namespaces.attach(ns.runnableInformer(0), t -> Failure.ofInformer(t, server, "namespaces", "(cluster-wide)"));
        apply(found, client, scope, server, false);
    }

    /** Whether some Gateway API kind has no informer yet (not served, or discovery failed). */
    boolean incomplete() {
        return crds.stream().anyMatch(c -> !c.cache().running());
    }

    /**
     * Starts the kinds {@code found} says are served and have no informer yet (CRDs installed since the
     * connect, or discovery failed before).
     */
    void rediscovered(GatewayApiDiscovery found, KubernetesClient client, NamespaceScope scope, String server) {
        apply(found, client, scope, server, true);
    }

    private void apply(GatewayApiDiscovery found, KubernetesClient client, NamespaceScope scope, String server,
                       boolean again) {
        for (Crd<?> crd : crds) {
            if (crd.cache().running()) {
                continue;
            }
            if (found.failure() != null) {
                crd.cache().failedToStart(new Failure(found.failure().kind() == Failure.Kind.UNREACHABLE
                        ? Failure.Kind.UNREACHABLE : Failure.Kind.OTHER,
                        "cannot tell whether the cluster serves " + crd.plural() + ": " + found.failure().message()));
            } else if (found.servedV1().contains(crd.plural())) {
                startInformer(crd, client, scope, server);
            } else if (!again || !(crd.cache().status() instanceof CacheStatus.NotServed)) {
                crd.cache().notServed(found.notServedMessage(crd.plural()));
            }
        }
    }

    private static <R extends HasMetadata> void startInformer(Crd<R> crd, KubernetesClient client, NamespaceScope scope,
                                                              String server) {
        MixedOperation<R, ?, ?> op = client.resources(crd.type());
        InformerCache<R, R> cache = crd.cache();
        SharedIndexInformer<R> informer = cache.namespaced() ? scoped(op, scope).runnableInformer(0)
                : op.runnableInformer(0);
        String where = cache.namespaced() ? scope.describe() : "(cluster-wide)";
        cache.attach(informer, t -> Failure.ofInformer(t, server, cache.plural(), where));
    }

    private static <R extends HasMetadata> Informable<R> scoped(MixedOperation<R, ?, ?> op, NamespaceScope scope) {
        return scope.namespace().<Informable<R>>map(op::inNamespace).orElseGet(op::inAnyNamespace);
    }
}
