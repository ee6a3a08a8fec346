package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link ResourceCache} over a fabric8 informer, in the spirit of java-operator-sdk's
 * InformerWrapper. Reads answer from what the informer has delivered so far, so they always
 * agree with the events listeners got.
 *
 * <p>The informer behind it can be replaced (after a Retry the session builds a new client):
 * the content stays until the new informer has listed, then listeners see only the differences
 * (adds, updates, deletes), never an empty cache in between.
 *
 * @param <R> the fabric8 type the informer watches
 * @param <T> the type the cache hands out (the same, or a summary such as {@link SecretSummary})
 */
final class InformerCache<R extends HasMetadata, T> implements ResourceCache<T> {

    private static final Logger LOG = LoggerFactory.getLogger(InformerCache.class);

    private final String kind;
    private final String plural;
    private final boolean namespaced;
    /** A kind the cluster may not serve (a CRD): a 404 is {@link CacheStatus.NotServed}, not a failure. */
    private final boolean optional;
    private final Function<R, T> view;
    private final Executor callbacks;
    private final Runnable statusHook;
    private final List<CacheListener<T>> listeners = new CopyOnWriteArrayList<>();
    /** What listeners have been told, by "namespace/name" (or "name" when cluster-scoped). */
    private final Map<String, Known<T>> known = new ConcurrentHashMap<>();

    private volatile CacheStatus status = CacheStatus.SYNCING;
    private volatile Failure failure;
    private volatile Generation current;

    private record Known<T>(String namespace, String resourceVersion, T value) {
    }

    /** One informer; {@code reconcile} until its first listing after replacing another. */
    private final class Generation {
        final SharedIndexInformer<R> informer;
        volatile boolean reconcile;
        volatile boolean active = true;

        Generation(SharedIndexInformer<R> informer, boolean reconcile) {
            this.informer = informer;
            this.reconcile = reconcile;
        }
    }

    InformerCache(String kind, String plural, boolean namespaced, Function<R, T> view,
                  Executor callbacks, Runnable statusHook) {
        this(kind, plural, namespaced, false, view, callbacks, statusHook);
    }

    /** @param optional whether the cluster may not serve the kind (CRDs): then a 404 is not a failure */
    InformerCache(String kind, String plural, boolean namespaced, boolean optional, Function<R, T> view,
                  Executor callbacks, Runnable statusHook) {
        this.kind = kind;
        this.plural = plural;
        this.namespaced = namespaced;
        this.optional = optional;
        this.view = view;
        this.callbacks = callbacks;
        this.statusHook = statusHook;
    }

    String plural() {
        return plural;
    }

    boolean namespaced() {
        return namespaced;
    }

    /** The last failure of the current informer, or null when it works. */
    Failure failure() {
        return failure;
    }

    /**
     * Starts {@code informer} (not yet started, item store already set) behind this cache,
     * stopping the previous one. {@code describe} turns an informer exception into a failure.
     */
    synchronized void attach(SharedIndexInformer<R> informer, Function<Throwable, Failure> describe) {
        Generation old = current;
        if (old != null) {
            old.active = false;
            old.informer.stop();
        }
        Generation gen = new Generation(informer, old != null);
        informer.exceptionHandler((started, t) -> {
            if (!gen.active) {
                return true; // stopped on purpose: fabric8 does not retry a stopped informer
            }
            if (Failure.isGone(t)) {
                LOG.debug("{}: resource version gone, relisting", kind);
                return true;
            }
            Failure f = describe.apply(t);
            if (optional && f.kind() == Failure.Kind.NOT_SERVED) {
                LOG.info("{}: {} (its CRD was removed?)", kind, f.message());
                failure = null;
                setStatus(new CacheStatus.NotServed(f.message()));
                return true;
            }
            LOG.info("{}: {} (will retry)", kind, f.message());
            failure = f;
            setStatus(f.kind() == Failure.Kind.FORBIDDEN ? new CacheStatus.Forbidden(f.message())
                    : new CacheStatus.Failed(f.message()));
            return true;
        });
        informer.addEventHandler(new Handler(gen));
        current = gen;
        failure = null;
        setStatus(CacheStatus.SYNCING);
        informer.start();
    }

    /** Whether an informer is running behind this cache. */
    synchronized boolean running() {
        return current != null && current.active;
    }

    /**
     * Marks a kind the cluster does not serve: no informer runs, whatever the cache held is gone (listeners see
     * deletes), status {@link CacheStatus.NotServed}. Ignored while an informer runs (it reports for itself).
     */
    synchronized void notServed(String message) {
        if (running()) {
            return;
        }
        for (String k : List.copyOf(known.keySet())) {
            Known<T> gone = known.remove(k);
            if (gone != null) {
                emit(l -> l.onDelete(gone.value()));
            }
        }
        failure = null;
        setStatus(new CacheStatus.NotServed(message));
    }

    /** Reports a failure found before any informer could start (e.g. discovery failed); content stays. */
    synchronized void failedToStart(Failure f) {
        if (running()) {
            return;
        }
        failure = f;
        setStatus(f.kind() == Failure.Kind.FORBIDDEN ? new CacheStatus.Forbidden(f.message())
                : new CacheStatus.Failed(f.message()));
    }

    /** Stops the informer; the content stays readable (the client is about to be replaced). */
    synchronized void suspend() {
        Generation gen = current;
        if (gen != null && gen.active) {
            gen.active = false;
            gen.informer.stop();
        }
    }

    private static String key(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    private Known<T> knownOf(R obj) {
        return new Known<>(obj.getMetadata().getNamespace(), obj.getMetadata().getResourceVersion(), view.apply(obj));
    }

    private final class Handler implements ResourceEventHandler<R> {
        private final Generation gen;

        Handler(Generation gen) {
            this.gen = gen;
        }

        @Override
        public void onAdd(R obj) {
            if (!gen.active) {
                return;
            }
            Known<T> now = knownOf(obj);
            Known<T> before = known.put(Cache.metaNamespaceKeyFunc(obj), now);
            if (before == null) {
                emit(l -> l.onAdd(now.value()));
            } else if (!Objects.equals(before.resourceVersion(), now.resourceVersion())) {
                emit(l -> l.onUpdate(before.value(), now.value()));
            }
        }

        @Override
        public void onUpdate(R oldObj, R newObj) {
            if (!gen.active) {
                return;
            }
            Known<T> now = knownOf(newObj);
            Known<T> before = known.put(Cache.metaNamespaceKeyFunc(newObj), now);
            T oldValue = before != null ? before.value() : view.apply(oldObj);
            emit(l -> l.onUpdate(oldValue, now.value()));
        }

        @Override
        public void onDelete(R obj, boolean finalStateUnknown) {
            if (!gen.active) {
                return;
            }
            Known<T> before = known.remove(Cache.metaNamespaceKeyFunc(obj));
            T gone = before != null ? before.value() : view.apply(obj);
            emit(l -> l.onDelete(gone));
        }

        @Override
        public void onList(String resourceVersion, boolean empty) {
            if (!gen.active) {
                return;
            }
            if (gen.reconcile) {
                // first listing of a replacement informer: what it did not list is gone
                gen.reconcile = false;
                for (String k : List.copyOf(known.keySet())) {
                    if (gen.informer.getStore().getByKey(k) == null) {
                        Known<T> gone = known.remove(k);
                        if (gone != null) {
                            emit(l -> l.onDelete(gone.value()));
                        }
                    }
                }
            }
            failure = null;
            setStatus(CacheStatus.READY);
        }
    }

    private void emit(Consumer<CacheListener<T>> event) {
        callbacks.execute(() -> listeners.forEach(event));
    }

    private void setStatus(CacheStatus next) {
        synchronized (this) {
            if (next.equals(status)) {
                return;
            }
            status = next;
        }
        emit(l -> l.onStatus(next));
        statusHook.run();
    }

    /** Stops the informer for good; the content stays readable. */
    synchronized void close() {
        suspend();
        listeners.clear();
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Optional<T> get(String namespace, String name) {
        if (name == null) {
            return Optional.empty();
        }
        Known<T> k = known.get(namespaced ? key(namespace, name) : name);
        return k == null ? Optional.empty() : Optional.of(k.value());
    }

    @Override
    public List<T> list() {
        return known.values().stream().map(Known::value).toList();
    }

    @Override
    public List<T> list(String namespace) {
        if (namespace == null) {
            return List.of();
        }
        return known.values().stream().filter(k -> namespace.equals(k.namespace())).map(Known::value).toList();
    }

    @Override
    public CacheStatus status() {
        return status;
    }

    @Override
    public Subscription addListener(CacheListener<T> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public String toString() {
        return "ResourceCache[" + kind + ", " + status + ", " + known.size() + " objects]";
    }
}
