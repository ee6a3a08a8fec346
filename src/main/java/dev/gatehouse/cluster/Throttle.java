package dev.gatehouse.cluster;

import java.time.Duration;
import java.util.Optional;

/** Until when the API server asked (429 Retry-After) not to be asked again; monotonic time, no wall clock. */
final class Throttle {

    private long untilNanos;
    private boolean on;

    /** The server asked to wait {@code delay} from now (a later deadline wins over an earlier one). */
    synchronized void until(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        if (!on || until - untilNanos > 0) {
            untilNanos = until;
        }
        on = true;
    }

    /** Ends the throttle (the server answered); true when it was on. */
    synchronized boolean clear() {
        boolean was = on;
        on = false;
        return was;
    }

    /** The time left, rounded up to whole seconds, while the server's delay runs. */
    synchronized Optional<Long> secondsLeft() {
        if (!on) {
            return Optional.empty();
        }
        long left = untilNanos - System.nanoTime();
        if (left <= 0) {
            return Optional.empty();
        }
        return Optional.of((left + 999_999_999L) / 1_000_000_000L);
    }
}
