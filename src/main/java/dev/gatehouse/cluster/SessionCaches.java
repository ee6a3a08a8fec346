package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The caches of a session and how their informers are started from a client: the five Ingress-era kinds
 * here, the Gateway API kinds, ConfigMaps and Namespaces in {@link GatewayApiCaches}.
 */
final class SessionCaches {

    final InformerCache<Ingress, Ingress> ingresses;
    final InformerCache<Secret, SecretSummary> secrets;
    final InformerCache<Service, Service> services;
    final InformerCache<EndpointSlice, EndpointSlice> endpointSlices;
    final InformerCache<IngressClass, IngressClass> ingressClasses;
    final GatewayApiCaches gateway;
    final List<InformerCache<?, ?>> all;

    /**
     * @param callbacks where listener calls run
     * @param statusHook called after any cache changed its status
     */
    SessionCaches(Executor callbacks, Runnable statusHook) {
        ingresses = new InformerCache<>("Ingress", "ingresses", true, Function.identity(), callbacks, statusHook);
        secrets = new InformerCache<>("Secret", "secrets", true, SecretSummary::of, callbacks, statusHook);
        services = new InformerCache<>("Service", "services", true, Function.identity(), callbacks, statusHook);
        endpointSlices = new InformerCache<>("EndpointSlice", "endpointslices", true, Function.identity(),
                callbacks, statusHook);
        ingressClasses = new InformerCache<>("IngressClass", "ingressclasses", false, Function.identity(),
                callbacks, statusHook);
        gateway = new GatewayApiCaches(callbacks, statusHook);
        List<InformerCache<?, ?>> caches = new java.util.ArrayList<>(List.of(ingresses, secrets, services,
                endpointSlices, ingressClasses));
        caches.addAll(gateway.all);
        all = List.copyOf(caches);
    }

    /**
     * Starts new informers on {@code client}, replacing (and stopping) any previous ones.
     *
     * @param gatewayApi what discovery said about the Gateway API ({@link GatewayApiCaches#discover})
     */
    void start(KubernetesClient client, NamespaceScope scope, String server, GatewayApiDiscovery gatewayApi) {
        attach(ingresses, scoped(client.network().v1().ingresses(), scope).runnableInformer(0), scope, server);
        SharedIndexInformer<Secret> secretInformer = scoped(client.secrets(), scope).runnableInformer(0);
        secretInformer.itemStore(new SecretItemStore());
        attach(secrets, secretInformer, scope, server);
        attach(services, scoped(client.services(), scope).runnableInformer(0), scope, server);
        attach(endpointSlices, scoped(client.discovery().v1().endpointSlices(), scope).runnableInformer(0),
                scope, server);
        attach(ingressClasses, client.network().v1().ingressClasses().runnableInformer(0), scope, server);
        gateway.start(client, scope, server, gatewayApi);
    }

    private static <R extends HasMetadata> Informable<R> scoped(MixedOperation<R, ?, ?> op, NamespaceScope scope) {
        return scope.namespace().<Informable<R>>map(op::inNamespace).orElseGet(op::inAnyNamespace);
    }

    private static <R extends HasMetadata> void attach(InformerCache<R, ?> cache, SharedIndexInformer<R> informer,
                                                       NamespaceScope scope, String server) {
        String where = cache.namespaced() ? scope.describe() : "(cluster-wide)";
        cache.attach(informer, t -> Failure.ofInformer(t, server, cache.plural(), where));
    }

    /** Stops the informers, keeping their content readable (a new client is coming). */
    void suspend() {
        all.forEach(InformerCache::suspend);
    }

    void close() {
        all.forEach(InformerCache::close);
    }

    /** The reason of a cache that cannot reach the API server, if one cannot. */
    Optional<String> unreachable() {
        return all.stream().map(InformerCache::failure)
                .filter(f -> f != null && f.kind() == Failure.Kind.UNREACHABLE)
                .map(Failure::message).findFirst();
    }

    boolean anySyncing() {
        return all.stream().anyMatch(c -> c.status() instanceof CacheStatus.Syncing);
    }

    /**
     * The messages of forbidden or failed caches, e.g. "no permission to list secrets in namespace shop". Kinds
     * the cluster does not serve and a forbidden Namespace list are normal, not problems.
     */
    List<String> problems() {
        return all.stream().filter(c -> !gateway.isNormalProblem(c)).map(ResourceCache::status)
                .<String>mapMulti((s, out) -> {
            if (s instanceof CacheStatus.Forbidden f) {
                out.accept(f.message());
            } else if (s instanceof CacheStatus.Failed f) {
                out.accept(f.message());
            }
        }).toList();
    }

    /** Namespaces of the objects in the caches, sorted. */
    Set<String> namespacesSeen() {
        Set<String> names = new TreeSet<>();
        for (ResourceCache<? extends HasMetadata> cache : List.of(ingresses, services, endpointSlices,
                gateway.gateways, gateway.httpRoutes)) {
            cache.list().forEach(o -> addIfPresent(names, o.getMetadata().getNamespace()));
        }
        secrets.list().forEach(s -> addIfPresent(names, s.namespace()));
        return names;
    }

    private static void addIfPresent(Set<String> names, String namespace) {
        if (namespace != null && !namespace.isEmpty()) {
            names.add(namespace);
        }
    }
}
