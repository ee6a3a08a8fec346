package dev.gatehouse.cli;

import dev.gatehouse.app.AppDirs;
import dev.gatehouse.app.Scheduler;
import dev.gatehouse.session.RoutingInput;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.app.AppClock;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.ca.TrustPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * What the commands need besides their options: the clock, the trust policy and the source factory. Tests pass
 * a fixed clock and fixed roots; the defaults use the provided clock ({@link AppClock#system()}) and the same trust policy as the GUI (the
 * JDK's roots, Gatehouse's local CA and the CAs added in the app).
 *
 * @param clock   "now"
 * @param trust   the trust policy (made only when needed)
 * @param sources how options become a cluster source
 */
public record EngineFactory(Clock clock, Supplier<TrustPolicy> trust, ClusterSourceFactory sources) {

    /** A debounce timer a one-shot service never needs: its input never changes. */
    private static final Scheduler NO_TIMER = (delay, task) -> () -> { };

    public static EngineFactory defaults() {
        return new EngineFactory(AppClock.system(), () -> TrustPolicy.standard(AppDirs.forCurrentUser().data()),
                ClusterSourceFactory.standard());
    }

    /** Exactly these roots are trusted (besides those the source brings). */
    public static EngineFactory withRoots(Clock clock, Supplier<TrustAnchors> roots, ClusterSourceFactory sources) {
        return new EngineFactory(clock, () -> TrustPolicy.fixed(roots), sources);
    }

    /** The same, with "now" fixed at {@code instant} (for {@code --at}). */
    public EngineFactory at(Instant instant) {
        return new EngineFactory(Clock.fixed(instant, ZoneOffset.UTC), trust, sources);
    }

    /**
     * The routing snapshot of a source, from a routing service over it that trusts also the roots the source
     * brings (the demo cluster's CA). Computed on the calling thread.
     */
    SessionSnapshot snapshot(ClusterSource.Ready source, ControllerProfile profile) {
        RoutingInput input = RoutingInput.fixed("the command's objects", source.view(), source.anchors());
        try (RoutingService service = RoutingService.start(input, profile, clock, trust.get(), Runnable::run, NO_TIMER)) {
            return service.snapshot();
        }
    }
}
