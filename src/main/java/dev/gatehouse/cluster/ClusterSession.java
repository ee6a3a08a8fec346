package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A connection to one kubeconfig context in one {@link NamespaceScope}, with a read-only cache
 * per kind. {@link #open} returns at once; connecting (credentials, version call, first listing)
 * happens in the background and is reported through {@link #state()} and
 * {@link #onStateChange}. Watches reconnect by themselves; a periodic version call notices
 * outages and recoveries; {@link #retry()} reconnects from scratch (new credentials, new client)
 * without emptying the caches. To switch context or namespace, close this session and open
 * another: closing is quick and stops every watch.
 */
public final class ClusterSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSession.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private static final Duration WATCH_RESTART_SPACING = Duration.ofMinutes(1);
    /** How often a connected session asks discovery again for Gateway API kinds it did not find. */
    private static final Duration GATEWAY_REDISCOVERY_SPACING = Duration.ofMinutes(1);

    private final KubeconfigSource source;
    private final String contextName;
    private final NamespaceScope scope;
    private final SessionSettings settings;
    private final CallbackQueue callbacks;
    private final ScheduledExecutorService worker;
    private final String threadName;
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();

    private final SessionCaches caches;

    /** Serialises starting and retiring informers; taken before a cache's lock, never under {@link #lock}. */
    private final Object informerLock = new Object();
    private final Object lock = new Object();
    // guarded by lock
    private Attempt attempt;
    private ConnectionState state = new ConnectionState.Connecting();
    private boolean closed;

    /** When the watches alone last made the session start over (System.nanoTime), 0 for never. */
    private volatile long lastWatchRestart;
    /** When discovery last looked for missing Gateway API kinds (System.nanoTime). */
    private volatile long lastGatewayDiscovery;

    private ClusterSession(KubeconfigSource source, String contextName, NamespaceScope scope,
                           SessionSettings settings, Executor callbackExecutor) {
        this.source = source;
        this.contextName = contextName;
        this.scope = scope;
        this.settings = settings;
        this.callbacks = new CallbackQueue(callbackExecutor);
        this.threadName = "gatehouse-cluster-" + IDS.incrementAndGet();
        this.worker = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.caches = new SessionCaches(callbacks, this::recomputeState);
    }

    /**
     * Opens a session with {@link SessionSettings#defaults()}.
     *
     * @see #open(KubeconfigSource, String, NamespaceScope, SessionSettings, Executor)
     */
    public static ClusterSession open(KubeconfigSource source, String contextName, NamespaceScope scope,
                                      Executor callbacks) throws KubeconfigException {
        return open(source, contextName, scope, SessionSettings.defaults(), callbacks);
    }

    /**
     * Opens a session and starts connecting in the background; returns at once.
     *
     * @param callbacks where state and cache listeners run, in order (the UI passes
     *                  {@code Platform::runLater}; {@code Runnable::run} runs them on
     *                  background threads)
     * @throws KubeconfigException when the context does not exist or refers to a cluster or
     *                             user no file defines (plain message)
     */
    public static ClusterSession open(KubeconfigSource source, String contextName, NamespaceScope scope,
                                      SessionSettings settings, Executor callbacks) throws KubeconfigException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contextName, "contextName");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(callbacks, "callbacks");
        source.validate(contextName);
        ClusterSession session = new ClusterSession(source, contextName, scope, settings, callbacks);
        session.startAttempt();
        return session;
    }

    public String contextName() {
        return contextName;
    }

    public NamespaceScope scope() {
        return scope;
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Listens to state changes (not the current state: read {@link #state()} after subscribing). */
    public Subscription onStateChange(Consumer<ConnectionState> listener) {
        Objects.requireNonNull(listener, "listener");
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    public ResourceCache<Ingress> ingresses() {
        return caches.ingresses;
    }

    /** Secrets, reduced to what Gatehouse needs (see {@link SecretSummary}). */
    public ResourceCache<SecretSummary> secrets() {
        return caches.secrets;
    }

    public ResourceCache<Service> services() {
        return caches.services;
    }

    public ResourceCache<EndpointSlice> endpointSlices() {
        return caches.endpointSlices;
    }

    /** IngressClasses are cluster-scoped: this cache ignores the namespace scope. */
    public ResourceCache<IngressClass> ingressClasses() {
        return caches.ingressClasses;
    }

    /**
     * The Gateway API caches (gateway.networking.k8s.io/v1) with ConfigMaps and Namespaces. On a cluster without
     * the Gateway API CRDs they are empty with status {@link CacheStatus.NotServed}: normal, not a problem.
     */
    public GatewayApiCaches gatewayApi() {
        return caches.gateway;
    }

    /** Every cache, e.g. for a status overview; kinds the cluster does not serve are {@link CacheStatus.NotServed}. */
    public List<ResourceCache<?>> caches() {
        return List.copyOf(caches.all);
    }

    /**
     * The client of the current connection, for write operations of other layers; empty while
     * the session is still building it (or after close). Do not close it.
     */
    public Optional<KubernetesClient> client() {
        synchronized (lock) {
            return closed || attempt == null ? Optional.empty() : Optional.ofNullable(attempt.client);
        }
    }

    /**
     * The namespaces of the cluster, sorted (from the Namespace cache once it has listed, in an all-namespaces
     * session). When listing namespaces is forbidden or fails, the
     * namespaces seen in the caches plus the context's and the scope's namespace.
     */
    public CompletableFuture<List<String>> namespaces() {
        ResourceCache<io.fabric8.kubernetes.api.model.Namespace> cached = caches.gateway.namespaces();
        if (scope.namespace().isEmpty() && cached.status() instanceof CacheStatus.Ready) {
            return CompletableFuture.completedFuture(cached.list().stream().map(n -> n.getMetadata().getName())
                    .sorted().toList());
        }
        Optional<KubernetesClient> client = client();
        if (client.isEmpty()) {
            return CompletableFuture.completedFuture(knownNamespaces());
        }
        try {
            return CompletableFuture.supplyAsync(() -> client.get().namespaces().list().getItems().stream()
                            .map(n -> n.getMetadata().getName()).sorted().toList(), worker)
                    .exceptionally(e -> {
                        LOG.debug("listing namespaces failed: {}", Failure.ofRequest(e, null).message());
                        return knownNamespaces();
                    });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(knownNamespaces());
        }
    }

    private List<String> knownNamespaces() {
        Set<String> names = new TreeSet<>(caches.namespacesSeen());
        source.context(contextName).flatMap(KubeContext::defaultNamespace).ifPresent(names::add);
        scope.namespace().ifPresent(names::add);
        return List.copyOf(names);
    }

    /** Reconnects from scratch now: new credentials, new client; the caches keep their content. */
    public void retry() {
        startAttempt();
    }

    private void startAttempt() {
        Attempt previous;
        Attempt next;
        synchronized (lock) {
            if (closed) {
                return;
            }
            previous = attempt;
            next = new Attempt(previous == null ? 1 : previous.number + 1);
            attempt = next;
        }
        recomputeState();
        worker.execute(() -> {
            if (previous != null) {
                retire(previous);
            }
            connect(next);
        });
    }

    private boolean isCurrent(Attempt a) {
        synchronized (lock) {
            return !closed && attempt == a;
        }
    }

    private void connect(Attempt a) {
        Config config;
        try {
            config = source.clientConfig(contextName, settings);
        } catch (KubeconfigException e) {
            fail(a, e.getMessage());
            return;
        } catch (RuntimeException e) {
            // e.g. an exec credential plugin that cannot run; its output is not ours to show
            fail(a, "cannot load the credentials of context '" + contextName + "' ("
                    + e.getClass().getSimpleName() + ")");
            return;
        }
        a.server = stripSlash(KubeconfigSource.withoutUserInfo(config.getMasterUrl()));
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        synchronized (lock) {
            if (closed || attempt != a) {
                client.close();
                return;
            }
            a.client = client;
        }
        LOG.info("connecting to context '{}' at {} ({})", contextName, a.server, scope);
        probe(a);
        long every = settings.healthCheckInterval().toMillis();
        try {
            a.health = worker.scheduleWithFixedDelay(() -> probe(a), every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("session closed while connecting");
        }
    }

    /** Asks for the server version; starts the informers after the first success. */
    private void probe(Attempt a) {
        if (!isCurrent(a)) {
            return;
        }
        boolean serverWasDown = a.unreachable != null;
        boolean watchesWereDown = a.informersStarted && caches.unreachable().isPresent();
        try {
            VersionInfo info = a.client.getKubernetesVersion();
            a.version = Attempt.versionString(info);
            a.unreachable = null;
        } catch (RuntimeException e) {
            Failure f = Failure.ofRequest(e, a.server, contextName, settings.connectTimeout());
            if (f.kind() == Failure.Kind.FORBIDDEN) {
                a.version = "unknown version";
                a.unreachable = null;
            } else {
                LOG.info("context '{}': {}", contextName, f.message());
                a.unreachable = f.message();
            }
        }
        if (a.unreachable == null && a.informersStarted && (serverWasDown || watchesWereDown && restartAllowed())) {
            // Back after an outage: start over as Retry does (the caches keep their content and report
            // only what changed). A watch resumed with a resource version the server no longer knows
            // (restored or replaced API server) would otherwise be retried forever without a relist.
            LOG.info("context '{}': reachable again; listing everything afresh", contextName);
            startAttempt();
            return;
        }
        if (a.unreachable == null && !a.informersStarted) {
            // discovery is a blocking request: asked outside the lock, so that close() stays quick
            GatewayApiDiscovery gatewayApi = caches.gateway.discover(a.client, a.server);
            lastGatewayDiscovery = System.nanoTime();
            synchronized (informerLock) {
                if (!a.informersStarted && isCurrent(a)) {
                    a.informersStarted = true;
                    caches.start(a.client, scope, a.server, gatewayApi);
                }
            }
        } else if (a.unreachable == null && caches.gateway.incomplete() && gatewayRediscoveryDue()) {
            GatewayApiDiscovery gatewayApi = caches.gateway.discover(a.client, a.server);
            synchronized (informerLock) {
                if (isCurrent(a)) {
                    caches.gateway.rediscovered(gatewayApi, a.client, scope, a.server);
                }
            }
        }
        recomputeState();
    }

    /**
     * Whether the watches alone having failed may start the session over now: at most once a minute,
     * so that an environment where only watches fail (a proxy that drops them) gets a fresh list
     * regularly rather than a relist at every health check.
     */
    private boolean restartAllowed() {
        long now = System.nanoTime();
        if (lastWatchRestart != 0 && now - lastWatchRestart < WATCH_RESTART_SPACING.toNanos()) {
            return false;
        }
        lastWatchRestart = now;
        return true;
    }

    /** At most once a minute: Gateway API CRDs installed while connected are found without a reconnect. */
    private boolean gatewayRediscoveryDue() {
        long now = System.nanoTime();
        if (now - lastGatewayDiscovery < GATEWAY_REDISCOVERY_SPACING.toNanos()) {
            return false;
        }
        lastGatewayDiscovery = now;
        return true;
    }

    private void fail(Attempt a, String reason) {
        LOG.info("context '{}': {}", contextName, reason);
        a.unreachable = reason;
        recomputeState();
    }

    /** Stops an attempt that was replaced by a retry; its informers' content stays readable. */
    private void retire(Attempt old) {
        ScheduledFuture<?> health = old.health;
        if (health != null) {
            health.cancel(false);
        }
        synchronized (informerLock) {
            caches.suspend();
        }
        KubernetesClient client = old.client;
        if (client != null) {
            client.close();
        }
    }

    private void recomputeState() {
        ConnectionState next;
        synchronized (lock) {
            if (closed || attempt == null) {
                return;
            }
            next = computeState(attempt);
            if (next.equals(state)) {
                return;
            }
            state = next;
        }
        LOG.debug("context '{}' is now {}", contextName, next);
        callbacks.execute(() -> stateListeners.forEach(l -> l.accept(next)));
    }

    private ConnectionState computeState(Attempt a) {
        if (a.unreachable != null) {
            return new ConnectionState.Unreachable(a.unreachable);
        }
        if (a.version == null || !a.informersStarted) {
            return new ConnectionState.Connecting();
        }
        Optional<String> unreachable = caches.unreachable();
        if (unreachable.isPresent()) {
            return new ConnectionState.Unreachable(unreachable.get());
        }
        if (caches.anySyncing()) {
            return new ConnectionState.Connecting();
        }
        List<String> problems = caches.problems();
        return problems.isEmpty() ? new ConnectionState.Connected(a.version)
                : new ConnectionState.Degraded(a.version, problems);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Stops every informer, the health check and the client. Quick and idempotent. */
    @Override
    public void close() {
        Attempt last;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            last = attempt;
        }
        callbacks.close();
        stateListeners.clear();
        synchronized (informerLock) {
            caches.close();
        }
        worker.shutdownNow();
        if (last != null) {
            ScheduledFuture<?> health = last.health;
            if (health != null) {
                health.cancel(false);
            }
            KubernetesClient client = last.client;
            if (client != null) {
                client.close();
            }
        }
        LOG.debug("session for context '{}' closed", contextName);
    }

    /** The name of this session's background threads (tests check they end). */
    String threadName() {
        return threadName;
    }

    @Override
    public String toString() {
        return "ClusterSession[" + contextName + ", " + scope + ", " + state() + "]";
    }
}
