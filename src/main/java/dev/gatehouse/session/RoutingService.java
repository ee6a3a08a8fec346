package dev.gatehouse.session;

import dev.gatehouse.app.Latest;
import dev.gatehouse.app.Scheduler;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.DraftOverlay;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.ca.TrustPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one routing engine of a cluster session. It owns the engine's input (a {@link RoutingInput}: the session's
 * informer caches, or a fixed view), the controller settings ({@link ControllerProfile}), the clock and the
 * {@link TrustPolicy}, and publishes one {@link SessionSnapshot} (routing snapshot + diagnostics + trust anchors)
 * that Overview, Ingresses, Certificates, Path, Drafts, the proxy and the CLI all read.
 *
 * <p><b>When it recomputes.</b> {@link #start} computes the first snapshot at once; afterwards every change the
 * input signals (any cache event) and every change of the trust policy (a CA added or removed) asks for a new
 * one. Requests are coalesced for {@link #DEBOUNCE} and computed by a {@link Latest}: the newest request wins,
 * computations overtaken by a newer one are dropped, so subscribers never see an older snapshot after a newer one.
 *
 * <p><b>Threads.</b> Computations run on the {@code worker} executor given to {@link #start}; subscribers are
 * called on that worker thread, one snapshot at a time and in sequence order (view models hop to the FX thread
 * themselves). {@link #snapshot()} and {@link #overlay} compute on the calling thread: call them off the FX thread.
 * All methods are thread-safe.
 *
 * <p><b>Drafts</b> are overlays on the published snapshot: {@link #overlay(DraftOverlay, SessionSnapshot)} answers
 * for the live objects with some Ingresses replaced, using the same profile, clock and anchors as the snapshot.
 *
 * <p>One service per session: the GUI's connection creates it with the session and {@link #close()}s it with the
 * session; the CLI makes one per command run.
 */
public final class RoutingService implements AutoCloseable {

    /** How long cache events are coalesced before a snapshot is recomputed. */
    public static final Duration DEBOUNCE = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(RoutingService.class);

    private final RoutingInput input;
    private final ControllerProfile profile;
    private final Clock clock;
    private final TrustPolicy trust;
    private final Latest<Boolean, SessionSnapshot> latest;
    private final List<Consumer<SessionSnapshot>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Object publishLock = new Object();
    private volatile SessionSnapshot current;
    private volatile Subscription inputSubscription = () -> { };
    private volatile Runnable trustSubscription = () -> { };

    private RoutingService(RoutingInput input, ControllerProfile profile, Clock clock, TrustPolicy trust,
                           Executor worker, Scheduler scheduler) {
        this.input = Objects.requireNonNull(input, "input");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.latest = new Latest<>(ignored -> compute(), worker, scheduler, DEBOUNCE, Runnable::run,
                new Latest.Sink<SessionSnapshot>() {
                    @Override
                    public void result(SessionSnapshot value) {
                        publish(value);
                    }

                    @Override
                    public void failed(Throwable error) {
                        LOG.warn("Routing snapshot of {} not recomputed (the previous one stays): {}",
                                input.describe(), error.toString(), error);
                    }
                });
    }

    /**
     * Creates the service, subscribes to its input and the trust policy, and starts computing the first snapshot.
     *
     * @param worker    runs the computations and calls the subscribers ({@code Runnable::run}: on the thread that
     *                  signalled the change)
     * @param scheduler the debounce timer
     */
    public static RoutingService start(RoutingInput input, ControllerProfile profile, Clock clock, TrustPolicy trust,
                                       Executor worker, Scheduler scheduler) {
        RoutingService service = new RoutingService(input, profile, clock, trust, worker, scheduler);
        service.inputSubscription = input.onChange(service::refresh);
        service.trustSubscription = trust.onChange(service::refresh);
        service.latest.submitNow(Boolean.TRUE);
        return service;
    }

    /** Asks for a new snapshot soon (debounced); the inputs signal changes themselves, so this is rarely needed. */
    public void refresh() {
        latest.submit(Boolean.TRUE);
    }

    /** Reads the input once and computes a snapshot on the calling thread (not published). */
    private SessionSnapshot compute() {
        long seq = sequence.incrementAndGet();
        long version = trust.version();
        TrustAnchors anchors = anchors();
        RoutingSnapshot routing = new RoutingEngine(input.view(), profile, clock, anchors).snapshot();
        return new SessionSnapshot(seq, routing, routing.diagnose(), anchors, version, clock.instant());
    }

    private void publish(SessionSnapshot snapshot) {
        synchronized (publishLock) {
            SessionSnapshot before = current;
            if (before != null && before.sequence() >= snapshot.sequence()) {
                return;
            }
            current = snapshot;
            for (Consumer<SessionSnapshot> s : subscribers) {
                try {
                    s.accept(snapshot);
                } catch (RuntimeException e) {
                    LOG.warn("A routing snapshot subscriber failed", e);
                }
            }
        }
    }

    /** The newest published snapshot, if one is published yet. */
    public Optional<SessionSnapshot> latest() {
        return Optional.ofNullable(current);
    }

    /**
     * The newest published snapshot; when none is published yet, one is computed on the calling thread (and
     * published). For the CLI and the proxy, which need an answer now.
     */
    public SessionSnapshot snapshot() {
        SessionSnapshot s = current;
        if (s != null) {
            return s;
        }
        SessionSnapshot computed = compute();
        publish(computed);
        return current;
    }

    /**
     * Calls {@code subscriber} with every snapshot published from now on, on the worker thread, in order; when one
     * is published already, with that one first (on the calling thread).
     */
    public Subscription subscribe(Consumer<SessionSnapshot> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        synchronized (publishLock) {
            subscribers.add(subscriber);
            if (current != null) {
                subscriber.accept(current);
            }
        }
        return () -> subscribers.remove(subscriber);
    }

    /**
     * The roots trusted on this connection now: the trust policy's plus the connection's own. May read files (the
     * first time after a change): call off the FX thread. The next snapshot is judged with the same roots.
     */
    public TrustAnchors anchors() {
        return trust.anchors(input.connectionRoots());
    }

    /** An overlay with no drafts yet over this service's live objects, read at call time. */
    public DraftOverlay drafts() {
        return DraftOverlay.over(input.view());
    }

    /**
     * What the engine says about {@code overlay} (live objects with drafts), judged with the same profile, clock
     * and trust anchors as {@code base}. Computes on the calling thread.
     */
    public RoutingSnapshot overlay(DraftOverlay overlay, SessionSnapshot base) {
        return new RoutingEngine(overlay, profile, clock, base.anchors()).snapshot();
    }

    /** The objects the service reasons over, read at call time. */
    public ClusterView view() {
        return input.view();
    }

    /** For people: what the snapshots are about ("live cluster kind-dev (all namespaces)"). */
    public String describe() {
        return input.describe();
    }

    public ControllerProfile profile() {
        return profile;
    }

    public Clock clock() {
        return clock;
    }

    public TrustPolicy trust() {
        return trust;
    }

    /** Stops listening to the input and the trust policy; computations in flight are not published. */
    @Override
    public void close() {
        inputSubscription.cancel();
        trustSubscription.run();
        latest.close();
        subscribers.clear();
    }
}
