package dev.gatehouse.ui.certs;

import dev.gatehouse.app.Latest;
import dev.gatehouse.certmanager.RenewalStory;
import dev.gatehouse.certmanager.RenewalStoryBuilder;
import dev.gatehouse.cluster.CertManagerReader;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Why has cert-manager (not) renewed it?" for the selected Secret: reads the renewal chain from the cluster in the
 * background when a cert-manager Secret is selected (or on {@link #refresh()}), newest selection winning, and holds
 * the story for the pane. Never touches a Node.
 */
public final class RenewalViewModel implements AutoCloseable {

    /** What one read needs. */
    private record Request(KubernetesClient client, String namespace, String secret, Map<String, String> annotations) {
    }

    private final Clock clock;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fix = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.UNKNOWN);
    private final ObservableList<RenewalStory.Step> steps = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final Latest<Request, RenewalStory> reads;
    private Request last;

    RenewalViewModel(Clock clock, FxBackground background) {
        this.clock = clock;
        this.reads = Latest.immediate(this::read, background::execute, FxBackground::onFx, new Latest.Sink<>() {
            @Override
            public void result(RenewalStory story) {
                show(story);
            }

            @Override
            public void failed(Throwable error) {
                loading.set(false);
                status.set(Status.UNKNOWN);
                headline.set("Could not read cert-manager's objects: " + error.getMessage());
                fix.set("");
                steps.clear();
            }
        });
    }

    /** Shows the story of {@code row} when cert-manager owns it; hides the pane otherwise. */
    void select(CertificateRow row, ClusterSession session) {
        Optional<KubernetesClient> client = session == null ? Optional.empty() : session.client();
        if (row == null || row.certManager().isEmpty() || client.isEmpty()) {
            last = null;
            reads.cancel();
            shown.set(false);
            loading.set(false);
            return;
        }
        shown.set(true);
        last = new Request(client.get(), row.namespace(), row.name(),
                Map.of("cert-manager.io/certificate-name", row.certManager().get()));
        refresh();
    }

    /** Reads the chain again (the user asked, or the selection changed). */
    public void refresh() {
        if (last == null) {
            return;
        }
        loading.set(true);
        headline.set("Reading cert-manager's objects in " + last.namespace() + "…");
        fix.set("");
        steps.clear();
        notes.clear();
        status.set(Status.UNKNOWN);
        reads.submitNow(last);
    }

    private RenewalStory read(Request r) {
        return new RenewalStoryBuilder(clock).build(r.namespace(), r.secret(), r.annotations(),
                new CertManagerReader(r.client()).read(r.namespace()));
    }

    private void show(RenewalStory story) {
        loading.set(false);
        headline.set(story.headline());
        fix.set(story.fix().orElse(""));
        status.set(status(story.verdict()));
        steps.setAll(story.steps());
        notes.setAll(story.notes());
    }

    static Status status(RenewalStory.Verdict verdict) {
        return switch (verdict) {
            case HEALTHY -> Status.OK;
            case IN_PROGRESS -> Status.WARNING;
            case BLOCKED -> Status.ERROR;
            case NOT_MANAGED, UNKNOWN -> Status.UNKNOWN;
        };
    }

    static Status status(RenewalStory.State state) {
        return switch (state) {
            case OK -> Status.OK;
            case WAITING -> Status.WARNING;
            case BLOCKED -> Status.ERROR;
            case UNKNOWN -> Status.UNKNOWN;
        };
    }

    public ReadOnlyBooleanProperty shownProperty() { return shown.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headlineProperty() { return headline.getReadOnlyProperty(); }
    public ReadOnlyStringProperty fixProperty() { return fix.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }
    public ObservableList<RenewalStory.Step> steps() { return steps; }
    public List<String> notes() { return notes; }

    @Override
    public void close() {
        reads.close();
    }
}
