package dev.gatehouse.ui.proxy;

import dev.gatehouse.proxy.server.AccessLogEvent;
import dev.gatehouse.proxy.AccessLogListener;
import dev.gatehouse.ui.common.FxBackground;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Hands access-log events from the proxy's I/O threads to the FX thread, coalesced: however many
 * requests arrive, at most one hop is pending, and it adds them all at once, newest first, keeping
 * only the latest {@code cap}.
 */
final class AccessLogBuffer implements AccessLogListener {

    private final int cap;
    private final ObservableList<AccessLogEvent> rows = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<AccessLogEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    AccessLogBuffer(int cap) {
        this.cap = cap;
    }

    @Override
    public void onRequest(AccessLogEvent event) {
        pending.add(event);
        if (scheduled.compareAndSet(false, true)) {
            FxBackground.onFx(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<AccessLogEvent> batch = new ArrayList<>();
        AccessLogEvent e;
        while ((e = pending.poll()) != null) {
            batch.add(0, e);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() > cap) {
            batch = batch.subList(0, cap);
        }
        rows.addAll(0, batch);
        if (rows.size() > cap) {
            rows.remove(cap, rows.size());
        }
    }

    /** Newest first, at most the cap. FX thread only. */
    ObservableList<AccessLogEvent> rows() {
        return rows;
    }
}
