package dev.gatehouse.ui.ingress;

import dev.gatehouse.cluster.CacheStatus;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.cluster.write.Backup;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.cluster.write.SafeWriter;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.LiveList;
import dev.gatehouse.ui.common.SelectionKeeper;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.diagnostics.LiveDiagnostics;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Ingresses screen: every Ingress of the session, live, filterable on any column; the selected
 * one's details. The selection is kept by namespace/name, so it survives updates and filtering.
 */
public final class IngressesViewModel implements AutoCloseable {
    private final ObservableList<IngressRow> all = FXCollections.observableArrayList();
    private final FilteredList<IngressRow> filtered = new FilteredList<>(all, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Not connected");
    private final ObjectProperty<IngressRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<IngressDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClusterSession> session = new ReadOnlyObjectWrapper<>();
    private LiveList<Ingress, IngressRow> live;
    private final SelectionKeeper<IngressRow> selection = new SelectionKeeper<>(selected, IngressRow::key);
    private final Executor worker;
    private final BackupStore backups;
    private final Clock clock;
    private final ReadOnlyStringWrapper actionMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Backup> lastDeletion = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectProperty<DiagnosticReport> diagnostics;

    /** @param clock "now" for the ages shown and the backups taken before a delete */
    public IngressesViewModel(ReadOnlyObjectProperty<ClusterSession> sessionSource, Executor worker,
                              ReadOnlyObjectProperty<DiagnosticReport> diagnostics, BackupStore backups, Clock clock) {
        this.clock = clock;
        this.worker = worker;
        this.backups = backups;
        this.diagnostics = diagnostics;
        diagnostics.addListener((o, a, r) -> refreshDetails());
        filter.addListener((o, a, f) -> filtered.setPredicate(r -> r.matches(f)));
        count.bind(Bindings.createStringBinding(() -> countText(filtered.size(), all.size()), filtered, all));
        selected.addListener((o, a, row) -> refreshDetails());
        all.addListener((ListChangeListener<IngressRow>) c -> {
            if (live != null) {
                selection.reselect(live::row);
            }
        });
        sessionSource.addListener((o, a, s) -> use(s));
        use(sessionSource.get());
    }

    private void use(ClusterSession s) {
        if (live != null) {
            Bindings.unbindContent(all, live.rows());
            live.close();
            live = null;
        }
        all.clear();
        selection.clear();
        session.set(s);
        problem.set("");
        placeholder.set("Not connected: choose a context, or open the demo cluster");
        if (s == null) {
            return;
        }
        live = new LiveList<>(s.ingresses(), i -> i.getMetadata().getNamespace() + "/" + i.getMetadata().getName(),
                IngressRow::of, worker);
        Bindings.bindContent(all, live.rows());
        live.statusProperty().addListener((o, a, st) -> showStatus(st));
        showStatus(live.statusProperty().get());
    }

    private void refreshDetails() {
        IngressRow row = selected.get();
        ClusterSession s = session.get();
        if (row == null || s == null) {
            details.set(null);
            return;
        }
        boolean secretsKnown = s.secrets().status() instanceof CacheStatus.Ready;
        details.set(IngressDetails.of(row.ingress(), (ns, name) -> s.secrets().get(ns, name), secretsKnown,
                LiveDiagnostics.about(diagnostics.get(), row.related())));
    }

    /** Deletes the selected Ingress if it is still the version shown; backed up first (undo). */
    public CompletableFuture<WriteResult> deleteSelected() {
        IngressRow row = selected.get();
        ClusterSession s = session.get();
        if (row == null || s == null || s.client().isEmpty()) {
            return CompletableFuture.completedFuture(new WriteResult.Rejected(0, "Nothing selected, or not connected"));
        }
        SafeWriter w = new SafeWriter(s.client().get(), backups, clock);
        return CompletableFuture.supplyAsync(() -> w.delete(row.ingress(), "delete from Gatehouse"), worker).thenApply(r -> {
            FxBackground.onFx(() -> {
                actionMessage.set(r.message());
                lastDeletion.set(r instanceof WriteResult.Written written ? written.backup() : null);
            });
            return r;
        });
    }

    /** Brings the last deleted Ingress back from its backup. */
    public CompletableFuture<WriteResult> undoDelete() {
        Backup b = lastDeletion.get();
        ClusterSession s = session.get();
        if (b == null || s == null || s.client().isEmpty()) {
            return CompletableFuture.completedFuture(new WriteResult.Rejected(0, "Nothing to undo"));
        }
        SafeWriter w = new SafeWriter(s.client().get(), backups, clock);
        return CompletableFuture.supplyAsync(() -> w.restore(b), worker).thenApply(r -> {
            FxBackground.onFx(() -> {
                actionMessage.set(r.message());
                lastDeletion.set(null);
            });
            return r;
        });
    }

    public Clock clock() { return clock; }
    public ReadOnlyStringProperty actionMessageProperty() { return actionMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Backup> lastDeletionProperty() { return lastDeletion.getReadOnlyProperty(); }

    /** The row's status: the worst diagnostic about the Ingress or the Secrets it uses. */
    public Status statusOf(IngressRow row) {
        return LiveDiagnostics.statusOf(diagnostics.get(), row.related());
    }

    /** The number of diagnostics about the row (for the status cell's text). */
    public int problemCount(IngressRow row) {
        return LiveDiagnostics.about(diagnostics.get(), row.related()).size();
    }

    public ReadOnlyObjectProperty<DiagnosticReport> diagnosticsProperty() {
        return diagnostics;
    }

    private void showStatus(CacheStatus st) {
        problem.set(problemText(st));
        placeholder.set(st instanceof CacheStatus.Syncing ? "Loading Ingresses…"
                : st instanceof CacheStatus.Ready ? "No Ingresses in this namespace scope" : "Ingresses unavailable");
    }

    static String problemText(CacheStatus st) {
        if (st instanceof CacheStatus.Forbidden f) {
            return capitalise(f.message()) + ".";
        }
        if (st instanceof CacheStatus.Failed f) {
            return "Ingresses could not be listed: " + f.message();
        }
        return "";
    }

    static String countText(int shown, int total) {
        String noun = total == 1 ? "Ingress" : "Ingresses";
        return shown == total ? total + " " + noun : shown + " of " + total + " " + noun;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ObservableList<IngressRow> rows() { return filtered; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyStringProperty countProperty() { return count.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty placeholderProperty() { return placeholder.getReadOnlyProperty(); }
    public ObjectProperty<IngressRow> selectedProperty() { return selected; }

    /** The selected Ingress's TLS hosts one can probe by name (its {@code spec.tls[].hosts}, no wildcards). */
    public List<String> probeHosts() {
        IngressRow row = selected.get();
        if (row == null || row.ingress().getSpec() == null || row.ingress().getSpec().getTls() == null) {
            return List.of();
        }
        return dev.gatehouse.ui.common.probe.ProbeOpener.exactHosts(row.ingress().getSpec().getTls().stream()
                .filter(t -> t != null && t.getHosts() != null).flatMap(t -> t.getHosts().stream()).toList());
    }
    public ReadOnlyObjectProperty<IngressDetails> detailsProperty() { return details.getReadOnlyProperty(); }

    @Override
    public void close() {
        use(null);
    }
}
