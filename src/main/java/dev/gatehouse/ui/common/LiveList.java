package dev.gatehouse.ui.common;

import dev.gatehouse.cluster.CacheListener;
import dev.gatehouse.cluster.CacheStatus;
import dev.gatehouse.cluster.ResourceCache;
import dev.gatehouse.cluster.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * Adapts a {@link ResourceCache} to an {@link ObservableList} of rows on the FX thread. Cache
 * events are coalesced per object and applied at most every {@value #FLUSH_MS} ms in one change
 * (one add-all, one remove, in-place replaces); rows are built on a worker thread. So thousands
 * of objects arriving at once never stall the FX thread, and rows that merely change keep their
 * place (and the table's selection).
 *
 * @param <T> the cached kind
 * @param <R> the row type shown in a table
 */
public final class LiveList<T, R> implements AutoCloseable {
    static final int FLUSH_MS = 80;
    /** Above this many replaced or removed rows a batch is applied as one setAll. */
    static final int BULK = 32;
    /** Above this many changes rows are built in parallel. */
    static final int PARALLEL = 256;

    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CacheStatus> status = new ReadOnlyObjectWrapper<>(CacheStatus.SYNCING);
    private final Function<T, String> keyOf;
    private final Function<T, R> toRow;
    private final Map<String, Optional<T>> pending = new LinkedHashMap<>();
    private final Map<String, R> current = new HashMap<>();
    private final Map<R, String> keyOfRow = new IdentityHashMap<>();
    private final PauseTransition flushTimer = new PauseTransition(Duration.millis(FLUSH_MS));
    private final Subscription subscription;
    private final Executor worker;
    private final ResourceCache<T> cache;
    private boolean flushing;
    private boolean closed;

    /**
     * Must be created on the FX thread, with the cache's callbacks running on the FX thread too.
     * Rows are built on {@code worker} (parsing certificates, say, never runs on the FX thread).
     */
    public LiveList(ResourceCache<T> cache, Function<T, String> keyOf, Function<T, R> toRow, Executor worker) {
        this.keyOf = keyOf;
        this.toRow = toRow;
        this.worker = worker;
        this.cache = cache;
        flushTimer.setOnFinished(e -> flush());
        subscription = cache.addListener(new CacheListener<>() {
            @Override
            public void onAdd(T object) {
                enqueue(object, Optional.of(object));
            }

            @Override
            public void onUpdate(T oldObject, T newObject) {
                enqueue(newObject, Optional.of(newObject));
            }

            @Override
            public void onDelete(T object) {
                enqueue(object, Optional.empty());
            }

            @Override
            public void onStatus(CacheStatus s) {
                FxBackground.onFx(() -> status.set(s));
            }
        });
        for (T object : cache.list()) {
            pending.putIfAbsent(keyOf.apply(object), Optional.of(object));
        }
        status.set(cache.status());
        flush();
    }

    /** Builds every row again (the rows' inputs besides the objects changed, e.g. the trusted roots); on the FX thread. */
    public void rebuild() {
        if (closed) {
            return;
        }
        for (T object : cache.list()) {
            pending.put(keyOf.apply(object), Optional.of(object));
        }
        flush();
    }

    private void enqueue(T object, Optional<T> value) {
        FxBackground.onFx(() -> {
            if (closed) {
                return;
            }
            pending.put(keyOf.apply(object), value);
            if (!flushing && flushTimer.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                flushTimer.playFromStart();
            }
        });
    }

    /** Builds rows for every pending change off the FX thread, then applies them in one go. */
    private void flush() {
        if (pending.isEmpty() || flushing || closed) {
            return;
        }
        flushing = true;
        Map<String, Optional<T>> batch = new LinkedHashMap<>(pending);
        pending.clear();
        worker.execute(() -> {
            // Large batches (the first listing) build their rows on all cores; order is kept.
            List<Map.Entry<String, Optional<T>>> entries = new ArrayList<>(batch.entrySet());
            List<Optional<R>> rowsBuilt = (entries.size() > PARALLEL ? entries.parallelStream() : entries.stream())
                    .map(e -> e.getValue().map(toRow)).toList();
            Map<String, Optional<R>> built = new LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                built.put(entries.get(i).getKey(), rowsBuilt.get(i));
            }
            FxBackground.onFx(() -> {
                flushing = false;
                if (!closed) {
                    apply(built);
                    if (!pending.isEmpty()) {
                        flushTimer.playFromStart();
                    }
                }
            });
        });
    }

    private void apply(Map<String, Optional<R>> batch) {
        List<R> added = new ArrayList<>();
        Set<R> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<R, R> replaced = new IdentityHashMap<>();
        for (Map.Entry<String, Optional<R>> e : batch.entrySet()) {
            String key = e.getKey();
            R old = current.get(key);
            if (e.getValue().isEmpty()) {
                if (old != null) {
                    removed.add(old);
                    forget(key, old);
                }
                continue;
            }
            R row = e.getValue().get();
            current.put(key, row);
            keyOfRow.put(row, key);
            if (old == null) {
                added.add(row);
            } else {
                keyOfRow.remove(old);
                replaced.put(old, row);
            }
        }
        if (removed.size() + replaced.size() > BULK) {
            // Many changes at once: one setAll is one change event instead of hundreds.
            List<R> next = new ArrayList<>(rows.size() + added.size());
            for (R r : rows) {
                if (!removed.contains(r)) {
                    next.add(replaced.getOrDefault(r, r));
                }
            }
            next.addAll(added);
            rows.setAll(next);
        } else {
            if (!removed.isEmpty()) {
                rows.removeIf(removed::contains);
            }
            if (!replaced.isEmpty()) {
                for (int i = 0; i < rows.size(); i++) {
                    R now = replaced.get(rows.get(i));
                    if (now != null) {
                        rows.set(i, now);
                    }
                }
            }
            if (!added.isEmpty()) {
                rows.addAll(added);
            }
        }
    }

    private void forget(String key, R row) {
        current.remove(key);
        keyOfRow.remove(row);
    }

    /** The stable key ({@code namespace/name}) of a row, or null when it is no longer listed. */
    public String keyOf(R row) {
        return keyOfRow.get(row);
    }

    /** The row for a key, if listed. */
    public Optional<R> row(String key) {
        return Optional.ofNullable(current.get(key));
    }

    public ObservableList<R> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<CacheStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void close() {
        closed = true;
        flushTimer.stop();
        subscription.cancel();
    }
}
