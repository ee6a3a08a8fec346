package dev.gatehouse.ui.common;

import dev.gatehouse.app.Latest;
import dev.gatehouse.app.Scheduler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs long work off the FX thread as {@link Task}s, one visible at a time in the status bar
 * (title, progress, cancel). The only bridge from background threads to the FX thread is
 * {@link #onFx(Runnable)}.
 */
public final class FxBackground implements AutoCloseable {
    private final ExecutorService executor;
    private final ReadOnlyObjectWrapper<Task<?>> current = new ReadOnlyObjectWrapper<>();
    private final java.util.concurrent.ScheduledExecutorService timer;
    private final Scheduler scheduler;
    private final java.util.List<AutoCloseable> closeWithApp = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FxBackground() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "gatehouse-bg-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newCachedThreadPool(tf);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-timer");
            t.setDaemon(true);
            return t;
        });
        scheduler = Scheduler.of(timer);
    }

    /** The debounce timer for {@link dev.gatehouse.app.Latest}s and routing services (one daemon thread). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Starts the task; the status bar shows it while it runs. */
    public <T> Task<T> run(Task<T> task) {
        current.set(task);
        task.stateProperty().addListener((obs, old, state) -> {
            if (isDone(state) && current.get() == task) {
                current.set(null);
            }
        });
        if (!executor.isShutdown()) {
            executor.execute(task);
        }
        return task;
    }

    /** Runs on a background thread without status-bar presence (quick, silent work). */
    public void execute(Runnable work) {
        if (!executor.isShutdown()) { // after close (app shutting down) late work is dropped
            executor.execute(work);
        }
    }

    public ReadOnlyObjectProperty<Task<?>> currentTaskProperty() {
        return current.getReadOnlyProperty();
    }

    /**
     * A {@link Latest} for cheap work that reads FX-thread state (recombining rows from live lists): {@code work}
     * runs on the FX thread once a burst of {@link Latest#submit}s has settled for {@code delay}.
     */
    public Latest<Boolean, Boolean> fxRecompute(java.time.Duration delay, Runnable work) {
        return new Latest<>(x -> {
            work.run();
            return Boolean.TRUE;
        }, FxBackground::onFx, scheduler, delay, Runnable::run, done -> { });
    }

    /** Runs on the FX thread: at once when already there, else later. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private static boolean isDone(Worker.State s) {
        return s == Worker.State.SUCCEEDED || s == Worker.State.FAILED || s == Worker.State.CANCELLED;
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeWithApp) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the window is closing; what could not be closed dies with the process
            }
        }
        timer.shutdownNow();
        executor.shutdownNow();
    }

    /** Closed with the window (before the worker threads stop): local servers a screen started, … */
    public void closeWithApp(AutoCloseable resource) {
        closeWithApp.add(resource);
    }
}
