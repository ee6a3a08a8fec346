package dev.gatehouse.app;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Recompute the latest, drop stale": the one background idiom of Gatehouse. Callers {@link #submit} inputs
 * (a cache changed, the user typed); the helper computes {@code compute(input)} on an executor and hands the
 * result to a {@link Sink}, with three guarantees:
 * <ul>
 *   <li><b>bursts coalesce</b>: {@link #submit} waits {@code debounce} after the first submit of a burst and then
 *       computes once, with the newest input submitted meanwhile ({@link #submitNow} skips the wait);</li>
 *   <li><b>latest wins</b>: every computation gets a sequence number when it starts; a result (or failure) is
 *       delivered only when it is newer than the last one delivered, so an older result never overwrites a newer
 *       one, whatever order the executor finishes them in; a computation that has not begun by the time a newer
 *       one starts is skipped;</li>
 *   <li><b>errors are results too</b>: an exception thrown by {@code compute} reaches {@link Sink#failed} under
 *       the same rule, never the executor's uncaught-exception handler.</li>
 * </ul>
 * {@link #cancel()} drops the pending input and ignores computations in flight; {@link #close()} does the same
 * and stops all later delivery. Thread-safe: submit from any thread. Deliveries run on the {@code delivery}
 * executor (the FX thread for view models, {@code Runnable::run} for core services, i.e. the computing thread),
 * one at a time.
 *
 * @param <I> what a computation needs (a snapshot of its inputs, taken by the caller)
 * @param <O> what it produces
 */
public final class Latest<I, O> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Latest.class);

    /** Receives what {@link Latest} delivers, on its delivery executor. */
    public interface Sink<O> {
        /** The result of the newest computation so far. */
        void result(O value);

        /** The newest computation failed; by default logged. */
        default void failed(Throwable error) {
            LOG.warn("A background computation failed: {}", error.toString(), error);
        }
    }

    private final Function<? super I, ? extends O> compute;
    private final Executor executor;
    private final Scheduler scheduler;
    private final Duration debounce;
    private final Executor delivery;
    private final Sink<? super O> sink;
    private final Object lock = new Object();
    private final Object deliveryLock = new Object();
    private long started;
    private long floor;
    private long delivered;
    private boolean closed;
    private I pending;
    private boolean hasPending;
    private Runnable cancelTimer;

    /**
     * @param compute   the computation; runs on {@code executor}, may throw
     * @param executor  where computations run (a worker pool)
     * @param scheduler the debounce timer
     * @param debounce  how long {@link #submit} waits for more input (zero: no wait)
     * @param delivery  where the sink is called
     * @param sink      receives results and failures
     */
    public Latest(Function<? super I, ? extends O> compute, Executor executor, Scheduler scheduler, Duration debounce,
                  Executor delivery, Sink<? super O> sink) {
        this.compute = Objects.requireNonNull(compute, "compute");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * A helper without debounce: every {@link #submit} starts a computation (latest wins all the same). For
     * inputs that are already coalesced, such as a routing service's snapshots.
     */
    public static <I, O> Latest<I, O> immediate(Function<? super I, ? extends O> compute, Executor executor,
                                                Executor delivery, Sink<? super O> sink) {
        Scheduler unused = (delay, task) -> {
            throw new IllegalStateException("no debounce timer");
        };
        return new Latest<>(compute, executor, unused, Duration.ZERO, delivery, sink);
    }

    /**
     * Computes with {@code input} once the burst settles: the first submit of a burst arms the timer, later ones
     * within {@code debounce} only replace the input. Ignored after {@link #close()}.
     */
    public void submit(I input) {
        Runnable start = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            pending = input;
            hasPending = true;
            if (cancelTimer == null) {
                if (debounce.isZero()) {
                    start = takePending();
                } else {
                    cancelTimer = scheduler.schedule(debounce, this::fire);
                }
            }
        }
        launch(start);
    }

    /** Computes with {@code input} now, superseding any pending input. Ignored after {@link #close()}. */
    public void submitNow(I input) {
        Runnable start;
        synchronized (lock) {
            if (closed) {
                return;
            }
            pending = input;
            hasPending = true;
            start = takePending();
        }
        launch(start);
    }

    private void fire() {
        Runnable start;
        synchronized (lock) {
            start = takePending();
        }
        launch(start);
    }

    /** Under the lock: stops the timer and numbers a computation of the pending input (null if none). */
    private Runnable takePending() {
        if (cancelTimer != null) {
            cancelTimer.run();
            cancelTimer = null;
        }
        if (closed || !hasPending) {
            return null;
        }
        I input = pending;
        pending = null;
        hasPending = false;
        long seq = ++started;
        return () -> run(seq, input);
    }

    /** Outside the lock: a direct executor computes and delivers on this thread. */
    private void launch(Runnable computation) {
        if (computation == null) {
            return;
        }
        try {
            executor.execute(computation);
        } catch (RejectedExecutionException e) {
            LOG.debug("Computation not started: the executor is shut down");
        }
    }

    private void run(long seq, I input) {
        synchronized (lock) {
            if (closed || seq < started || seq <= floor) {
                return; // a newer computation has started meanwhile, or this one was cancelled
            }
        }
        O value;
        try {
            value = compute.apply(input);
        } catch (RuntimeException | Error e) {
            deliver(seq, null, e);
            return;
        }
        deliver(seq, value, null);
    }

    private void deliver(long seq, O value, Throwable error) {
        Runnable handOver = () -> {
            synchronized (deliveryLock) {
                synchronized (lock) {
                    if (closed || seq <= delivered || seq <= floor) {
                        return;
                    }
                    delivered = seq;
                }
                if (error != null) {
                    sink.failed(error);
                } else {
                    sink.result(value);
                }
            }
        };
        try {
            delivery.execute(handOver);
        } catch (RejectedExecutionException e) {
            LOG.debug("Result dropped: the delivery executor is shut down");
        }
    }

    /** Drops the pending input; computations in flight finish but are not delivered. */
    public void cancel() {
        synchronized (lock) {
            if (cancelTimer != null) {
                cancelTimer.run();
                cancelTimer = null;
            }
            pending = null;
            hasPending = false;
            floor = started;
        }
    }

    /** True while an input waits for the debounce timer. */
    public boolean hasPending() {
        synchronized (lock) {
            return hasPending;
        }
    }

    /** Cancels, and delivers nothing from now on; later submits are ignored. */
    @Override
    public void close() {
        synchronized (lock) {
            cancel();
            closed = true;
        }
    }
}
