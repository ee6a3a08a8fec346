package dev.gatehouse.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay; the debounce timer of {@link Latest}. Production code uses {@link #daemon(String)}
 * (one daemon thread); tests pass a scheduler they advance by hand, so no test sleeps.
 */
@FunctionalInterface
public interface Scheduler {

    /**
     * Runs {@code task} once after {@code delay} on the scheduler's own thread.
     *
     * @return an action that cancels the task if it has not started (idempotent)
     */
    Runnable schedule(Duration delay, Runnable task);

    /** A scheduler on one daemon thread named {@code name}; it lives as long as the process. */
    static Scheduler daemon(String name) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return of(timer);
    }

    /** A scheduler backed by {@code timer}. */
    static Scheduler of(ScheduledExecutorService timer) {
        return (delay, task) -> {
            if (timer.isShutdown()) {
                return () -> { };
            }
            ScheduledFuture<?> f = timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}
