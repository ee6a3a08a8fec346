package dev.gatehouse.proxy.server;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A timeout that is set and cleared for every request of a keep-alive connection without scheduling
 * and cancelling a timer each time: at most one timer is pending; when it fires early (the deadline
 * moved on) it re-schedules itself for the rest, and when nothing is armed it just ends. Confined to
 * the connection's event loop, like IdleStateHandler's timers, and on its clock.
 */
final class Deadline {

    private final EventExecutor executor;
    private final Runnable onExpiry;
    private boolean armed;
    private long deadline;
    private ScheduledFuture<?> timer;
    private long timerAt;

    Deadline(EventExecutor executor, Runnable onExpiry) {
        this.executor = executor;
        this.onExpiry = onExpiry;
    }

    /** Expires {@code nanos} from now unless disarmed or armed again before. */
    void arm(long nanos) {
        armed = true;
        deadline = executor.ticker().nanoTime() + nanos;
        if (timer != null && deadline - timerAt < 0) {
            timer.cancel(false);
            timer = null;
        }
        if (timer == null) {
            schedule(nanos);
        }
    }

    /** No expiry until armed again (a pending timer fires harmlessly). */
    void disarm() {
        armed = false;
    }

    /** Disarms and cancels the pending timer: the connection is gone. */
    void close() {
        armed = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    boolean armed() {
        return armed;
    }

    private void schedule(long nanos) {
        timerAt = executor.ticker().nanoTime() + nanos;
        timer = executor.schedule(this::fire, nanos, TimeUnit.NANOSECONDS);
    }

    private void fire() {
        timer = null;
        if (!armed) {
            return;
        }
        long left = deadline - executor.ticker().nanoTime();
        if (left > 0) {
            schedule(left);
            return;
        }
        armed = false;
        onExpiry.run();
    }
}
