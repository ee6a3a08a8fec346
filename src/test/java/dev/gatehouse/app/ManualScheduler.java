package dev.gatehouse.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} whose time moves only when the test calls {@link #advance}. */
public final class ManualScheduler implements Scheduler {
    private record Timer(long due, Runnable task, boolean[] cancelled) {
    }

    private final List<Timer> timers = new ArrayList<>();
    private long now;

    @Override
    public synchronized Runnable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        timers.add(new Timer(now + delay.toMillis(), task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves time on and runs every timer that falls due, in due order. */
    public void advance(Duration by) {
        long until;
        synchronized (this) {
            now += by.toMillis();
            until = now;
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.stream().filter(t -> t.due() <= until).min((a, b) -> Long.compare(a.due(), b.due()))
                        .orElse(null);
                if (next == null) {
                    return;
                }
                timers.remove(next);
            }
            if (!next.cancelled()[0]) {
                next.task().run();
            }
        }
    }

    /** Timers armed and not cancelled. */
    public synchronized long armed() {
        return timers.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
