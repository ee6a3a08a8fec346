package dev.gatehouse.cluster;

import java.time.Duration;

/** "At most once per interval" for a session's self-repairs (monotonic time; thread-safe). */
final class Spacing {

    private final long intervalNanos;
    /** When it last happened (System.nanoTime); {@code never} until then. */
    private long last;
    private boolean never = true;

    Spacing(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** True, and counts as happening now, when it never happened or the interval has passed since. */
    synchronized boolean tryNow() {
        long now = System.nanoTime();
        if (!never && now - last < intervalNanos) {
            return false;
        }
        mark(now);
        return true;
    }

    /** It happened now (the interval starts again). */
    synchronized void happened() {
        mark(System.nanoTime());
    }

    private void mark(long now) {
        last = now;
        never = false;
    }
}
