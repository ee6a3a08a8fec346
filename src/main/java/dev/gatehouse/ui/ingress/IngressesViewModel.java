package dev.gatehouse.ui.ingress;

import dev.gatehouse.cluster.CacheStatus;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.ui.common.LiveList;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.diagnostics.LiveDiagnostics;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Optional;
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
    private String selectedKey;
    private final Executor worker;
    private final ReadOnlyObjectProperty<DiagnosticReport> diagnostics;

    public IngressesViewModel(ReadOnlyObjectProperty<ClusterSession> sessionSource, Executor worker,
                              ReadOnlyObjectProperty<DiagnosticReport> diagnostics) {
        this.worker = worker;
        this.diagnostics = diagnostics;
        diagnostics.addListener((o, a, r) -> refreshDetails());
        filter.addListener((o, a, f) -> filtered.setPredicate(r -> r.matches(f)));
        count.bind(Bindings.createStringBinding(() -> countText(filtered.size(), all.size()), filtered, all));
        selected.addListener((o, a, row) -> {
            if (row != null) {
                selectedKey = row.key();
            }
            refreshDetails();
        });
        all.addListener((ListChangeListener<IngressRow>) c -> reselect());
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
        selectedKey = null;
        selected.set(null);
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

    /** Puts the selection back on the same Ingress after its row was replaced by an update. */
    private void reselect() {
        if (selectedKey == null || live == null) {
            return;
        }
        Optional<IngressRow> now = live.row(selectedKey);
        if (now.isPresent() && now.get() != selected.get()) {
            selected.set(now.get());
        } else if (now.isEmpty() && selected.get() != null) {
            selected.set(null);
        }
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
    public ReadOnlyObjectProperty<IngressDetails> detailsProperty() { return details.getReadOnlyProperty(); }

    @Override
    public void close() {
        use(null);
    }
}
