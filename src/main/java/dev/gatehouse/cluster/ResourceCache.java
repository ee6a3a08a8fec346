package dev.gatehouse.cluster;

import java.util.List;
import java.util.Optional;

/**
 * A read-only, informer-backed view of one kind in the session's namespace scope. Reads never
 * block and are safe from any thread. Returned objects are shared with the cache: do not
 * modify them.
 */
public interface ResourceCache<T> {

    /** The Kubernetes kind, e.g. "Ingress". */
    String kind();

    /** The object, if the cache holds it; for cluster-scoped kinds pass {@code null} or "" as namespace. */
    Optional<T> get(String namespace, String name);

    /** Every object in the cache, in no particular order. */
    List<T> list();

    /** The objects of one namespace. */
    List<T> list(String namespace);

    CacheStatus status();

    /** Adds a listener for later changes; it does not replay what the cache already holds. */
    Subscription addListener(CacheListener<T> listener);

    /**
     * Calls {@code change} after every add, update, delete and status change: for consumers that
     * recompute from the whole cache (diagnostics, proxy routes, drafts) rather than per object.
     */
    default Subscription onChange(Runnable change) {
        return addListener(new CacheListener<>() {
            @Override
            public void onAdd(T object) {
                change.run();
            }

            @Override
            public void onUpdate(T oldObject, T newObject) {
                change.run();
            }

            @Override
            public void onDelete(T object) {
                change.run();
            }

            @Override
            public void onStatus(CacheStatus status) {
                change.run();
            }
        });
    }
}
