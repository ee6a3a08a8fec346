package dev.gatehouse.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What the {@link ResponseObserver} of one {@link Attempt}'s client learns, applied to the session: a 429
 * starts (or extends) the attempt's throttle and asks for one version check once its Retry-After has
 * passed; an answer ends the throttle; a rejected or re-opened watch goes to its cache. Signals of an
 * attempt that was replaced are ignored.
 */
final class AttemptSignals implements ResponseObserver.Listener {

    private final Attempt attempt;
    private final SessionCaches caches;
    private final BooleanSupplier current;
    private final Runnable recompute;
    private final Consumer<Duration> probeAfter;
    private final AtomicBoolean probePending = new AtomicBoolean();

    /**
     * @param current    whether the attempt is still the session's
     * @param recompute  recomputes the session's state
     * @param probeAfter schedules one version check of the attempt after the delay
     */
    AttemptSignals(Attempt attempt, SessionCaches caches, BooleanSupplier current, Runnable recompute,
                   Consumer<Duration> probeAfter) {
        this.attempt = attempt;
        this.caches = caches;
        this.current = current;
        this.recompute = recompute;
        this.probeAfter = probeAfter;
    }

    @Override
    public void throttled(Duration retryAfter) {
        if (!current.getAsBoolean()) {
            return;
        }
        attempt.throttle.until(retryAfter);
        recompute.run();
        if (probePending.compareAndSet(false, true)) {
            probeAfter.accept(retryAfter);
        }
    }

    /** The scheduled version check ran. */
    void probed() {
        probePending.set(false);
    }

    @Override
    public void answered() {
        if (attempt.throttle.clear() && current.getAsBoolean()) {
            recompute.run();
        }
    }

    @Override
    public void watchRejected(String plural, int code) {
        if (current.getAsBoolean()) {
            caches.watchRejected(plural, code);
        }
    }

    @Override
    public void watchAccepted(String plural) {
        if (current.getAsBoolean()) {
            caches.watchAccepted(plural);
        }
    }
}
