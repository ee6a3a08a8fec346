package dev.gatehouse.ui.common.probe;

import dev.gatehouse.cluster.SessionSettings;
import dev.gatehouse.probe.HostReport;
import dev.gatehouse.probe.PlannedHost;
import dev.gatehouse.probe.ProbeBatch;
import dev.gatehouse.probe.ProbeRoute;
import dev.gatehouse.probe.ProbePlan;
import dev.gatehouse.probe.ProbeResults;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * Every host one can probe, each with its latest result of the session, and "Probe every host": a background
 * {@link Task} on a bounded pool ({@link ProbeBatch}), results landing in the session's {@link ProbeResults} one by
 * one, progress as done / total, Cancel, and a summary (agree, disagree, failed). FX thread only.
 */
public final class ProbeBatchViewModel {

    /**
     * A host in the list.
     *
     * @param host    the host
     * @param status  its latest result's colour (unknown: not probed)
     * @param summary its latest result in words
     * @param takenAt when, if probed
     */
    public record HostRow(String host, Status status, String summary, Optional<Instant> takenAt) {
    }

    private final ProbeServices services;
    private final StringProperty timeout;
    private final ObservableList<HostRow> hosts = FXCollections.observableArrayList();
    private final Map<String, String> unplanned = new LinkedHashMap<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final IntegerProperty agreeing = new SimpleIntegerProperty();
    private final IntegerProperty disagreeing = new SimpleIntegerProperty();
    private final IntegerProperty failed = new SimpleIntegerProperty();
    private Task<Void> task;
    private Runnable unsubscribe = () -> { };

    /** @param timeout the panel's timeout text: the batch bounds each step by the same */
    public ProbeBatchViewModel(ProbeServices services, StringProperty timeout) {
        this.services = services;
        this.timeout = timeout;
        services.snapshot().addListener((o, a, now) -> refreshHosts());
        services.results().addListener((o, a, now) -> {
            cancel();
            listenTo(now);
        });
        listenTo(services.results().get());
    }

    private void listenTo(ProbeResults results) {
        unsubscribe.run();
        unplanned.clear();
        unsubscribe = results == null ? () -> { } : results.subscribe(r -> FxBackground.onFx(this::refreshHosts));
        refreshHosts();
    }

    private void refreshHosts() {
        SessionSnapshot s = services.snapshot().get();
        ProbeResults results = services.results().get();
        List<HostRow> rows = new ArrayList<>();
        if (s != null) {
            for (String h : ProbePlan.hosts(s.routing())) {
                Optional<HostReport> r = results == null ? Optional.empty() : results.latest(h);
                rows.add(r.map(x -> new HostRow(h, ProbeStatus.status(x), ProbeStatus.summary(x),
                                Optional.of(x.observation().at())))
                        .orElseGet(() -> new HostRow(h, Status.UNKNOWN, unplanned.getOrDefault(h, "not probed yet"),
                                Optional.empty())));
            }
        }
        hosts.setAll(rows);
    }

    /** "Probe every host" at the addresses the objects publish. */
    public void probeAll() {
        SessionSnapshot snapshot = services.snapshot().get();
        ProbeResults results = services.results().get();
        if (snapshot == null || results == null || running.get()) {
            summary.set(running.get() ? summary.get() : "Not connected: connect to a cluster first.");
            return;
        }
        Duration bound;
        try {
            bound = SessionSettings.parseTimeout(timeout.get(), "Timeout");
        } catch (IllegalArgumentException e) {
            summary.set(e.getMessage());
            return;
        }
        List<String> names = ProbePlan.hosts(snapshot.routing());
        int total = names.size();
        agreeing.set(0);
        disagreeing.set(0);
        failed.set(0);
        progress.set(0);
        count.set("0 / " + total);
        summary.set(total == 0 ? "The objects have no host with TLS to probe." : "Probing " + total + " hosts…");
        AtomicInteger done = new AtomicInteger();
        ProbeRoute route = services.route(ProbeRoute.Mode.FALLBACK);
        Task<Void> batch = new Task<>() {
            @Override
            protected Void call() {
                updateTitle("Probing every host…");
                updateProgress(0, Math.max(1, total));
                List<PlannedHost> planned = new ArrayList<>();
                for (String h : names) {
                    ProbePlan.HostPlan plan = ProbePlan.host(snapshot.routing(), h, Optional.empty(), "", bound);
                    plan.planned().ifPresent(planned::add);
                    plan.problem().ifPresent(p -> {
                        int n = done.incrementAndGet();
                        updateProgress(n, total);
                        FxBackground.onFx(() -> landed(h, p, n, total));
                    });
                }
                new ProbeBatch(services.clock(), snapshot.anchors(), ProbeBatch.DEFAULT_PARALLELISM, route)
                        .run(planned, r -> {
                            if (isCancelled()) {
                                return;
                            }
                            results.put(r);
                            int n = done.incrementAndGet();
                            updateProgress(n, total);
                            FxBackground.onFx(() -> landed(r, n, total));
                        });
                return null;
            }
        };
        task = batch;
        running.set(true);
        batch.setOnSucceeded(e -> finished(batch, false));
        batch.setOnFailed(e -> {
            finished(batch, false);
            summary.set("The batch failed: " + batch.getException().getMessage());
        });
        batch.setOnCancelled(e -> finished(batch, true));
        services.background().run(batch);
    }

    private void landed(String host, String problem, int n, int total) {
        unplanned.put(host, "not probed: " + problem.replaceFirst("^" + java.util.regex.Pattern.quote(host) + ": ",
                ""));
        failed.set(failed.get() + 1);
        tally(n, total);
        refreshHosts();
    }

    private void landed(HostReport r, int n, int total) {
        switch (ProbeStatus.outcome(r)) {
            case AGREES -> agreeing.set(agreeing.get() + 1);
            case DISAGREES -> disagreeing.set(disagreeing.get() + 1);
            case FAILED -> failed.set(failed.get() + 1);
        }
        tally(n, total);
    }

    private void tally(int n, int total) {
        progress.set(total == 0 ? 1 : n / (double) total);
        count.set(n + " / " + total);
    }

    private void finished(Task<Void> t, boolean cancelled) {
        if (task != t) {
            return;
        }
        task = null;
        running.set(false);
        String counts = agreeing.get() + " agree · " + disagreeing.get() + " disagree · " + failed.get() + " failed";
        summary.set(cancelled ? "Cancelled after " + count.get() + ": " + counts : counts);
    }

    public void cancel() {
        if (task != null) {
            task.cancel(true);
        }
    }

    public ObservableList<HostRow> hosts() { return hosts; }
    public BooleanProperty runningProperty() { return running; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty countProperty() { return count; }
    public StringProperty summaryProperty() { return summary; }
    public IntegerProperty agreeingProperty() { return agreeing; }
    public IntegerProperty disagreeingProperty() { return disagreeing; }
    public IntegerProperty failedProperty() { return failed; }
}
