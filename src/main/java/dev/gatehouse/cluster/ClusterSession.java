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

    /**
     * The watches alone having failed start the session over at most once a minute, so that an environment where
     * only watches fail (a proxy that drops them) gets a fresh list regularly rather than a relist at every check.
     */
    private final Spacing watchRestarts = new Spacing(WATCH_RESTART_SPACING);
    /** At most once a minute: Gateway API CRDs installed while connected are found without a reconnect. */
    private final Spacing gatewayRediscovery = new Spacing(GATEWAY_REDISCOVERY_SPACING);
    private final SessionNamespaces namespaces;

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
        this.caches = new SessionCaches(contextName, callbacks, this::recomputeState);
        this.namespaces = new SessionNamespaces(source, contextName, scope, caches, this::client, worker);
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
        return namespaces.list();
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
        AttemptSignals signals = new AttemptSignals(a, caches, () -> isCurrent(a), this::recomputeState,
                delay -> probeLater(a, delay));
        a.signals = signals;
        ResponseObserver observer = new ResponseObserver(settings.requestTimeout().dividedBy(2), signals);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("gatehouse-responses", observer))
                .build();
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

    /** One version check after a 429's Retry-After (the regular ones keep their interval). */
    private void probeLater(Attempt a, Duration delay) {
        try {
            worker.schedule(() -> {
                Optional<Long> left = a.throttle.secondsLeft();
                if (left.isPresent() && isCurrent(a)) {
                    probeLater(a, Duration.ofSeconds(left.get())); // a later 429 asked for longer
                    return;
                }
                a.signals.probed();
                probe(a);
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("session closed while throttled");
        }
    }

    /** Asks for the server version; starts the informers after the first success. */
    private void probe(Attempt a) {
        if (!isCurrent(a) || a.throttle.secondsLeft().isPresent()) {
            return; // while a Retry-After runs, the check scheduled for its end asks instead
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
            } else if (f.kind() == Failure.Kind.THROTTLED) {
                // reachable, but asked to wait: the observer scheduled the next check after its Retry-After
                LOG.info("context '{}': {}", contextName, f.message());
                a.unreachable = null;
                recomputeState();
                return;
            } else {
                LOG.info("context '{}': {}", contextName, f.message());
                a.unreachable = f.message();
            }
        }
        if (a.unreachable == null && a.informersStarted && (serverWasDown || watchesWereDown && watchRestarts.tryNow())) {
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
            gatewayRediscovery.happened();
            synchronized (informerLock) {
                if (!a.informersStarted && isCurrent(a)) {
                    a.informersStarted = true;
                    caches.start(a.client, scope, a.server, gatewayApi);
                }
            }
        } else if (a.unreachable == null && caches.gateway.incomplete() && gatewayRediscovery.tryNow()) {
            GatewayApiDiscovery gatewayApi = caches.gateway.discover(a.client, a.server);
            synchronized (informerLock) {
                if (isCurrent(a)) {
                    caches.gateway.rediscovered(gatewayApi, a.client, scope, a.server);
                }
            }
        }
        recomputeState();
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
            next = attempt.state(caches);
            if (next.equals(state)) {
                return;
            }
            state = next;
        }
        LOG.debug("context '{}' is now {}", contextName, next);
        callbacks.execute(() -> stateListeners.forEach(l -> l.accept(next)));
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
