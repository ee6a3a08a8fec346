package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A session's answer to "which namespaces are there": listed, cached, or what the session has seen. */
final class SessionNamespaces {

    private static final Logger LOG = LoggerFactory.getLogger(SessionNamespaces.class);

    private final KubeconfigSource source;
    private final String contextName;
    private final NamespaceScope scope;
    private final SessionCaches caches;
    private final Supplier<Optional<KubernetesClient>> client;
    private final Executor worker;

    SessionNamespaces(KubeconfigSource source, String contextName, NamespaceScope scope, SessionCaches caches,
                      Supplier<Optional<KubernetesClient>> client, Executor worker) {
        this.source = source;
        this.contextName = contextName;
        this.scope = scope;
        this.caches = caches;
        this.client = client;
        this.worker = worker;
    }

    /** See {@link ClusterSession#namespaces()}. */
    CompletableFuture<List<String>> list() {
        ResourceCache<Namespace> cached = caches.gateway.namespaces();
        if (scope.namespace().isEmpty() && cached.status() instanceof CacheStatus.Ready) {
            return CompletableFuture.completedFuture(cached.list().stream().map(n -> n.getMetadata().getName())
                    .sorted().toList());
        }
        Optional<KubernetesClient> c = client.get();
        if (c.isEmpty()) {
            return CompletableFuture.completedFuture(known());
        }
        try {
            return CompletableFuture.supplyAsync(() -> c.get().namespaces().list().getItems().stream()
                            .map(n -> n.getMetadata().getName()).sorted().toList(), worker)
                    .exceptionally(e -> {
                        LOG.debug("listing namespaces failed: {}", Failure.ofRequest(e, null).message());
                        return known();
                    });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(known());
        }
    }

    /** The namespaces seen in the caches plus the context's and the scope's namespace. */
    private List<String> known() {
        Set<String> names = new TreeSet<>(caches.namespacesSeen());
        source.context(contextName).flatMap(KubeContext::defaultNamespace).ifPresent(names::add);
        scope.namespace().ifPresent(names::add);
        return List.copyOf(names);
    }
}
