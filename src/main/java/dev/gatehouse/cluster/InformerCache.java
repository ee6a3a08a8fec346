package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A {@link ResourceCache} over a fabric8 informer, in the spirit of java-operator-sdk's
 * InformerWrapper. The informer behind it can be replaced (after a Retry the session builds a
 * new client): the old content stays readable until the new informer has listed, and listeners
 * then see only the differences (adds, updates, deletes), never an empty cache in between.
 *
 * @param <R> the fabric8 type the informer watches
 * @param <T> the type the cache hands out (the same, or a summary such as {@link SecretSummary})
 */
final class InformerCache<R extends HasMetadata, T> implements ResourceCache<T> {

    private static final Logger LOG = LoggerFactory.getLogger(InformerCache.class);

    private final String kind;
    private final String plural;
    private final boolean namespaced;
    private final Function<R, T> view;
    private final Executor callbacks;
    private final Runnable statusHook;
    private final List<CacheListener<T>> listeners = new CopyOnWriteArrayList<>();

    private volatile CacheStatus status = CacheStatus.SYNCING;
    private volatile Failure failure;
    private volatile Generation current;

    /** One informer and, until it has listed, what the previous one held. */
    private final class Generation {
        final SharedIndexInformer<R> informer;
        /** Objects of the previous informer not yet seen again; null once this one listed. */
        volatile Map<String, R> previous;
        volatile boolean active = true;

        Generation(SharedIndexInformer<R> informer, Map<String, R> previous) {
            this.informer = informer;
            this.previous = previous;
        }
    }

    InformerCache(String kind, String plural, boolean namespaced, Function<R, T> view,
                  Executor callbacks, Runnable statusHook) {
        this.kind = kind;
        this.plural = plural;
        this.namespaced = namespaced;
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
        Map<String, R> previous = null;
        if (old != null) {
            old.active = false;
            old.informer.stop();
            previous = new ConcurrentHashMap<>();
            Map<String, R> oldPrevious = old.previous;
            if (oldPrevious != null) {
                previous.putAll(oldPrevious);
            }
            for (R r : old.informer.getStore().list()) {
                previous.put(Cache.metaNamespaceKeyFunc(r), r);
            }
        }
        Generation gen = new Generation(informer, previous);
        informer.exceptionHandler((started, t) -> {
            if (!gen.active) {
                return true; // stopped on purpose: fabric8 will not retry a stopped informer
            }
            if (Failure.isGone(t)) {
                LOG.debug("{}: resource version gone, relisting", kind);
                return true;
            }
            Failure f = describe.apply(t);
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

    /** Stops the informer but keeps its content readable (the client is about to be replaced). */
    synchronized void suspend() {
        Generation gen = current;
        if (gen != null && gen.active) {
            gen.active = false;
            gen.informer.stop();
        }
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
            Map<String, R> previous = gen.previous;
            R before = previous == null ? null : previous.remove(Cache.metaNamespaceKeyFunc(obj));
            if (before == null) {
                T added = view.apply(obj);
                emit(l -> l.onAdd(added));
            } else if (!Objects.equals(version(before), version(obj))) {
                T oldT = view.apply(before);
                T newT = view.apply(obj);
                emit(l -> l.onUpdate(oldT, newT));
            }
        }

        @Override
        public void onUpdate(R oldObj, R newObj) {
            if (gen.active) {
                T oldT = view.apply(oldObj);
                T newT = view.apply(newObj);
                emit(l -> l.onUpdate(oldT, newT));
            }
        }

        @Override
        public void onDelete(R obj, boolean finalStateUnknown) {
            if (gen.active) {
                T deleted = view.apply(obj);
                emit(l -> l.onDelete(deleted));
            }
        }

        @Override
        public void onList(String resourceVersion, boolean empty) {
            if (!gen.active) {
                return;
            }
            Map<String, R> previous = gen.previous;
            gen.previous = null;
            if (previous != null) {
                for (R gone : previous.values()) {
                    T deleted = view.apply(gone);
                    emit(l -> l.onDelete(deleted));
                }
            }
            failure = null;
            setStatus(CacheStatus.READY);
        }
    }

    private static String version(HasMetadata r) {
        return r.getMetadata() == null ? null : r.getMetadata().getResourceVersion();
    }

    private void emit(java.util.function.Consumer<CacheListener<T>> event) {
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
        Generation gen = current;
        if (gen == null || name == null) {
            return Optional.empty();
        }
        String key = namespaced && namespace != null && !namespace.isEmpty()
                ? Cache.namespaceKeyFunc(namespace, name) : name;
        R r = gen.informer.getStore().getByKey(key);
        Map<String, R> previous = gen.previous;
        if (r == null && previous != null) {
            r = previous.get(key);
        }
        return Optional.ofNullable(r).map(view);
    }

    @Override
    public List<T> list() {
        Generation gen = current;
        if (gen == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        gen.informer.getStore().list().forEach(r -> out.add(view.apply(r)));
        Map<String, R> previous = gen.previous;
        if (previous != null) {
            previous.values().forEach(r -> out.add(view.apply(r)));
        }
        return out;
    }

    @Override
    public List<T> list(String namespace) {
        Generation gen = current;
        if (gen == null || namespace == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        gen.informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).forEach(r -> out.add(view.apply(r)));
        Map<String, R> previous = gen.previous;
        if (previous != null) {
            previous.values().stream().filter(r -> namespace.equals(r.getMetadata().getNamespace()))
                    .forEach(r -> out.add(view.apply(r)));
        }
        return out;
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
        return "ResourceCache[" + kind + ", " + status + "]";
    }
}
