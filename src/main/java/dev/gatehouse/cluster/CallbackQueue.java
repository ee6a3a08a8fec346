package dev.gatehouse.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs callbacks one after another, in submission order, on the caller's executor (for the UI:
 * {@code Platform::runLater}), in batches so that a burst of events does not hog that thread.
 * After {@link #close()} nothing more runs. A failing callback is logged and does not stop the
 * others.
 */
final class CallbackQueue implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackQueue.class);
    private static final int BATCH = 256;

    private final Executor target;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;
    private boolean closed;

    CallbackQueue(Executor target) {
        this.target = target;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (closed) {
                return;
            }
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            target.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.debug("callback executor rejected work; dropping queued callbacks");
            synchronized (this) {
                tasks.clear();
                scheduled = false;
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Runnable next;
            synchronized (this) {
                next = closed ? null : tasks.poll();
                if (next == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("a cluster listener failed ({})", e.getClass().getName(), e);
            }
        }
        schedule();
    }

    synchronized void close() {
        closed = true;
        tasks.clear();
    }
}
