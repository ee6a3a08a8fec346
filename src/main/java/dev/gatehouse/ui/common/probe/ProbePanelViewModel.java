package dev.gatehouse.ui.common.probe;

import dev.gatehouse.cluster.SessionSettings;
import dev.gatehouse.probe.Comparison;
import dev.gatehouse.probe.HostReport;
import dev.gatehouse.probe.LiveProbe;
import dev.gatehouse.probe.PlannedHost;
import dev.gatehouse.probe.ProbeAddress;
import dev.gatehouse.probe.ProbePlan;
import dev.gatehouse.probe.ProbeResults;
import dev.gatehouse.probe.ProbeRoute;
import dev.gatehouse.probe.ProbeTarget;
import dev.gatehouse.probe.Verdict;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.RelativeTime;
import dev.gatehouse.ui.common.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The probe panel of one host: where to connect (the published address, or one the user types), the timeout,
 * "Probe live" as a background {@link Task} with Cancel, and the host's latest result from the session's
 * {@link ProbeResults} — predicted beside observed, the verdicts, and how long ago it was taken. FX thread only.
 */
public final class ProbePanelViewModel {

    /** Where a typed address comes from, in the verdicts. */
    static final String TYPED = "the Address field";

    /** Where "Probe live" connects. */
    public enum AddressMode {
        /** The address the objects publish; through a port-forward when it does not answer. */
        PUBLISHED("published"),
        /** The address typed. */
        CUSTOM("custom"),
        /** A port-forward to a Ready Pod of the controller's Service. */
        PORT_FORWARD("port-forward");

        private final String label;

        AddressMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ProbeServices services;
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty addressPrompt = new SimpleStringProperty("");
    private final ObjectProperty<AddressMode> mode = new SimpleObjectProperty<>(AddressMode.PUBLISHED);
    private final StringProperty timeout = new SimpleStringProperty(
            String.valueOf(ProbeTarget.DEFAULT_TIMEOUT.toSeconds()));
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<HostReport> report = new SimpleObjectProperty<>();
    private final ObservableList<Comparison.Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Verdict> verdicts = FXCollections.observableArrayList();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.UNKNOWN);
    private final StringProperty statusText = new SimpleStringProperty("not probed yet");
    private final StringProperty probedAgo = new SimpleStringProperty("");
    private final StringProperty probedAt = new SimpleStringProperty("");
    private Task<Outcome> task;

    /** A probe's report, or why the host could not be probed. */
    private record Outcome(HostReport report, String problem) {
    }
    private Runnable unsubscribe = () -> { };

    public ProbePanelViewModel(ProbeServices services) {
        this.services = services;
        // Typing an address means probing there; clearing it goes back to the published one.
        address.addListener((o, was, now) -> {
            if (now != null && !now.isBlank() && mode.get() == AddressMode.PUBLISHED) {
                mode.set(AddressMode.CUSTOM);
            } else if ((now == null || now.isBlank()) && mode.get() == AddressMode.CUSTOM) {
                mode.set(AddressMode.PUBLISHED);
            }
        });
        services.results().addListener((o, a, now) -> listenTo(now));
        listenTo(services.results().get());
        services.snapshot().addListener((o, a, now) -> {
            if (a == null && now != null) {
                refreshPrompt();
            }
        });
    }

    private void listenTo(ProbeResults results) {
        unsubscribe.run();
        unsubscribe = results == null ? () -> { } : results.subscribe(r -> FxBackground.onFx(() -> {
            if (r.host().equals(host.get())) {
                showReport(r);
            }
        }));
        showReport(results == null ? null : results.latest(host.get()).orElse(null));
    }

    /** Shows this host: its latest result of the session, and the address its objects publish. */
    public void show(String newHost) {
        if (!newHost.equals(host.get())) {
            cancel();
            address.set("");
            message.set("");
        }
        host.set(newHost);
        ProbeResults results = services.results().get();
        showReport(results == null ? null : results.latest(newHost).orElse(null));
        refreshPrompt();
    }

    /** The published address as the address field's prompt, worked out off the FX thread. */
    private void refreshPrompt() {
        SessionSnapshot s = services.snapshot().get();
        String h = host.get();
        if (s == null || h.isEmpty()) {
            addressPrompt.set("HOST[:PORT]");
            return;
        }
        services.background().execute(() -> {
            ProbePlan.HostPlan plan = ProbePlan.host(s.routing(), h, Optional.empty(), TYPED,
                    ProbeTarget.DEFAULT_TIMEOUT);
            String prompt = plan.planned().map(p -> p.target().address() + " (published)")
                    .orElse("no address published: type HOST[:PORT]");
            FxBackground.onFx(() -> {
                if (h.equals(host.get())) {
                    addressPrompt.set(prompt);
                }
            });
        });
    }

    /** "Probe live": probes the host at the typed address, else the published one, within the timeout. */
    public void probe() {
        String h = host.get();
        SessionSnapshot snapshot = services.snapshot().get();
        ProbeResults results = services.results().get();
        if (h.isEmpty() || snapshot == null || results == null) {
            message.set(h.isEmpty() ? "Choose a host to probe." : "Not connected: connect to a cluster first.");
            return;
        }
        Duration bound;
        try {
            bound = SessionSettings.parseTimeout(timeout.get(), "Timeout");
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        Optional<ProbeAddress> given = Optional.empty();
        AddressMode how = mode.get();
        if (how == AddressMode.CUSTOM && address.get().isBlank()) {
            message.set("Address: type HOST[:PORT], or choose published or port-forward");
            return;
        }
        if (how == AddressMode.CUSTOM) {
            ProbeAddress.Parsed parsed = ProbeAddress.parse(address.get());
            if (parsed instanceof ProbeAddress.Invalid invalid) {
                message.set("Address: " + invalid.message());
                return;
            }
            given = Optional.of(((ProbeAddress.Valid) parsed).address());
        }
        cancel();
        message.set("");
        Optional<ProbeAddress> where = given;
        ProbeRoute route = services.route(switch (how) {
            case PUBLISHED -> ProbeRoute.Mode.FALLBACK;
            case CUSTOM -> ProbeRoute.Mode.DIRECT;
            case PORT_FORWARD -> ProbeRoute.Mode.PORT_FORWARD;
        });
        Task<Outcome> probe = new Task<>() {
            @Override
            protected Outcome call() {
                updateTitle("Probing " + h + "…");
                updateProgress(-1, 1);
                ProbePlan.HostPlan plan = ProbePlan.host(snapshot.routing(), h, where, TYPED, bound);
                if (plan.planned().isEmpty()) {
                    return new Outcome(null, plan.problem().orElse("") + "; type an address (HOST[:PORT]) to probe"
                            + " it there");
                }
                List<PlannedHost> one = List.of(plan.planned().get());
                updateTitle((how == AddressMode.PORT_FORWARD ? "Probing " + h + " through a port-forward…"
                        : "Probing " + h + "…"));
                return new Outcome(new LiveProbe(services.clock(), snapshot.anchors(), route).run(one, r -> { }).stream()
                        .findFirst().orElse(null), "Cancelled.");
            }
        };
        task = probe;
        running.set(true);
        probe.setOnSucceeded(e -> {
            finished(probe);
            Outcome outcome = probe.getValue();
            if (outcome.report() != null) {
                results.put(outcome.report());
            } else {
                message.set(outcome.problem());
            }
        });
        probe.setOnFailed(e -> {
            finished(probe);
            message.set("The probe failed: " + probe.getException().getMessage());
        });
        probe.setOnCancelled(e -> {
            finished(probe);
            message.set("Cancelled.");
        });
        services.background().run(probe);
    }

    private void finished(Task<Outcome> t) {
        if (task == t) {
            task = null;
            running.set(false);
        }
    }

    public void cancel() {
        if (task != null) {
            task.cancel(true);
        }
    }

    private void showReport(HostReport r) {
        report.set(r);
        if (r == null) {
            lines.clear();
            verdicts.clear();
            status.set(Status.UNKNOWN);
            statusText.set("not probed yet");
            probedAgo.set("");
            probedAt.set("");
            return;
        }
        lines.setAll(Comparison.of(r));
        verdicts.setAll(r.verdicts());
        status.set(ProbeStatus.status(r));
        statusText.set(ProbeStatus.summary(r));
        tick();
    }

    /** Brings "probed 2 min ago" up to date (the view calls it now and then). */
    public void tick() {
        HostReport r = report.get();
        if (r == null) {
            return;
        }
        Instant at = r.observation().at();
        probedAgo.set("probed " + ago(at, services.clock().instant()) + " " + r.planned().reachedHow());
        probedAt.set(RelativeTime.absolute(at));
    }

    /** "just now", "2 min ago", "3 hours ago". */
    static String ago(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        return RelativeTime.age(then, now) + " ago";
    }

    /** Now, by the session's clock (for "2 min ago" elsewhere). */
    java.time.Instant clockNow() {
        return services.clock().instant();
    }

    public StringProperty hostProperty() { return host; }
    public StringProperty addressProperty() { return address; }
    public StringProperty addressPromptProperty() { return addressPrompt; }
    public ObjectProperty<AddressMode> modeProperty() { return mode; }
    public StringProperty timeoutProperty() { return timeout; }
    public BooleanProperty runningProperty() { return running; }
    public StringProperty messageProperty() { return message; }
    public ObjectProperty<HostReport> reportProperty() { return report; }
    public ObservableList<Comparison.Line> lines() { return lines; }
    public ObservableList<Verdict> verdicts() { return verdicts; }
    public ObjectProperty<Status> statusProperty() { return status; }
    public StringProperty statusTextProperty() { return statusText; }
    public StringProperty probedAgoProperty() { return probedAgo; }
    public StringProperty probedAtProperty() { return probedAt; }
}
