package dev.gatehouse.ui.migrate;

import dev.gatehouse.migrate.DiffReport;
import dev.gatehouse.migrate.Difference;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.migrate.SideBySide;
import dev.gatehouse.proxy.ProxyStartException;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.ui.common.FxBackground;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * "Serve both": the old rules and the migration's objects (the drafts as last compared, when saved) on two local
 * proxies side by side, the corpus replayed through both over real TLS, and the diff of the real responses. Starting,
 * replaying and stopping run as background {@link Task}s; the proxies keep serving for the user's own requests until
 * Stop, the next migration, or the window closes.
 */
public final class MigrateServing implements AutoCloseable {
    private final FxBackground background;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Serve both starts the old rules and the new ones on two sets of local ports and replays every request"
                    + " of the diff through both over real TLS.");
    private final ReadOnlyStringWrapper ports = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper serving = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Difference> differences = FXCollections.observableArrayList();
    private Task<DiffReport> task;
    /** The summary of the last replay that finished ("" before the first, and while a new one runs). */
    private String lastReplay = "";
    private SideBySide current;

    MigrateServing(FxBackground background) {
        this.background = background;
    }

    /** Stops what is served, then serves {@code result} and replays its corpus through both proxies. */
    public Task<DiffReport> serve(RoutingService service, MigrationResult result) {
        if (service == null || result == null) {
            status.set("Migrate first: Serve both serves the Ingresses and the objects the migration made.");
            return null;
        }
        stop();
        differences.clear();
        lastReplay = "";
        progress.set(0);
        Task<DiffReport> t = new Task<>() {
            @Override
            protected DiffReport call() throws ProxyStartException, InterruptedException {
                updateTitle("Serve both: replaying the migration's requests");
                SideBySide started = SideBySide.start(service.view(), result, service.profile(), service.clock(),
                        service.anchors(), SideBySide.Options.ephemeral());
                Task<DiffReport> self = this;
                FxBackground.onFx(() -> started(self, started));
                return started.replay((done, total) -> updateProgress(done, total), this::isCancelled);
            }
        };
        t.progressProperty().addListener((o, a, p) -> progress.set(Math.max(0, p.doubleValue())));
        t.setOnSucceeded(e -> {
            DiffReport report = t.getValue();
            differences.setAll(report.differences());
            lastReplay = report.identical() ? "identical on real responses: " + report.compared()
                    + " requests answered the same by both proxies." : report.differences().size() + " of "
                    + report.compared() + " requests differ on real responses (" + report.unexplained().size()
                    + " unexplained).";
            status.set(lastReplay + " Both proxies keep serving: try them with curl --resolve.");
            running.set(false);
        });
        t.setOnFailed(e -> {
            Throwable x = t.getException();
            status.set(x instanceof ProxyStartException ? "Cannot serve both: " + x.getMessage()
                    : "The replay failed: " + x.getMessage());
            running.set(false);
            stop();
        });
        t.setOnCancelled(e -> {
            status.set("Replay cancelled; both proxies keep serving.");
            running.set(false);
        });
        task = t;
        running.set(true);
        status.set("Starting two local proxies …");
        return background.run(t);
    }

    private void started(Task<DiffReport> from, SideBySide started) {
        if (task != from || from.isCancelled()) { // stopped (or serving another migration) while starting
            close(started);
            return;
        }
        current = started;
        serving.set(true);
        ports.set(started.readyLine());
        status.set("Serving both; replaying the requests through each over real TLS …");
    }

    /** Cancels a replay in progress (the proxies keep serving). */
    public void cancel() {
        if (task != null && task.isRunning()) {
            task.cancel();
        }
    }

    /** Stops both proxies (in the background) and cancels a replay. */
    public void stop() {
        cancel();
        SideBySide was = current;
        current = null;
        serving.set(false);
        ports.set("");
        if (was != null) {
            close(was);
            status.set("Stopped serving both." + (lastReplay.isEmpty() ? "" : " Last replay: " + lastReplay));
        }
    }

    private void close(SideBySide s) {
        background.execute(() -> {
            try {
                s.close();
            } catch (Exception ignored) {
                // the ports close with the proxies; nothing else to release
            }
        });
    }

    /** With the window: stops both proxies now, on the calling thread. */
    @Override
    public void close() {
        cancel();
        SideBySide was = current;
        current = null;
        if (was != null) {
            was.close();
        }
    }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Both proxies' local ports, as {@code gatehouse migrate --serve} prints them; empty when not serving. */
    public ReadOnlyStringProperty portsProperty() { return ports.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** A start or replay is in progress. */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Both proxies are up. */
    public ReadOnlyBooleanProperty servingProperty() { return serving.getReadOnlyProperty(); }
    /** The requests whose real responses differ. */
    public ObservableList<Difference> differences() { return differences; }
}
