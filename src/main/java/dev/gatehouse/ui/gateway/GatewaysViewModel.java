package dev.gatehouse.ui.gateway;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.diagnostics.LiveDiagnostics;
import dev.gatehouse.ui.common.gateway.SnapshotTable;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The Gateways screen: every listener of every Gateway (and of the ListenerSets attached to them) of the session,
 * live (one rebuild per routing snapshot, and the service makes one for every cache change), filterable on any
 * column; Gatehouse's verdict beside what the controller wrote; the selected listener's details and the
 * diagnostics about its Gateway. The selection is kept by Gateway and listener across updates and filtering.
 */
public final class GatewaysViewModel implements AutoCloseable {
    private final ReadOnlyObjectProperty<SessionSnapshot> snapshots;
    private final SnapshotTable<ListenerRow> table;
    private final ReadOnlyObjectWrapper<GatewayDetails> details = new ReadOnlyObjectWrapper<>();

    public GatewaysViewModel(ReadOnlyObjectProperty<ClusterSession> sessions, ReadOnlyObjectProperty<SessionSnapshot> snapshots) {
        this.snapshots = snapshots;
        this.table = new SnapshotTable<>(sessions, snapshots, GatewaysViewModel::rows, ListenerRow::key,
                ListenerRow::matches, s -> s.gatewayApi().gateways(), "Gateways", new String[] {"listener", "listeners"});
        table.selectedProperty().addListener((o, a, r) -> refreshDetails());
        snapshots.addListener((o, a, s) -> refreshDetails());
    }

    static List<ListenerRow> rows(SessionSnapshot snap) {
        return new GatewayRows(snap.routing().gateways(), snap.routing().model().view()).rows();
    }

    private void refreshDetails() {
        ListenerRow row = table.selectedProperty().get();
        SessionSnapshot snap = snapshots.get();
        if (row == null || snap == null || snap.routing().gateways().gateway(row.gateway()).isEmpty()) {
            details.set(null);
            return;
        }
        GatewayModel model = snap.routing().gateways();
        details.set(GatewayDetails.of(row, model, new GatewayRows(model, snap.routing().model().view()),
                problemsOf(snap.report(), row)));
    }

    /** Diagnostics about the row's Gateway (every listener: the selected one's first), ListenerSet and certificates. */
    static List<Diagnostic> problemsOf(DiagnosticReport report, ListenerRow row) {
        List<Diagnostic> all = LiveDiagnostics.about(report, row.related());
        List<Diagnostic> out = new ArrayList<>(all.stream().filter(d -> concerns(d, row)).toList());
        all.stream().filter(d -> !concerns(d, row)).forEach(out::add);
        return out;
    }

    /** A diagnostic about this listener: about its Secret, about it by name, or about its whole Gateway. */
    static boolean concerns(Diagnostic d, ListenerRow row) {
        if (!row.related().contains(d.object())) {
            return false;
        }
        if (row.listener() == null || d.object().kind().equals("Secret")) {
            return true;
        }
        String m = d.message();
        String own = "Listener " + row.listener().name();
        return !m.startsWith("Listener ") || m.startsWith(own + " ") || m.startsWith(own + ":");
    }

    private List<Diagnostic> own(ListenerRow row) {
        SessionSnapshot snap = snapshots.get();
        return snap == null ? List.of() : snap.report().diagnostics().stream()
                .filter(d -> d.severity() != Severity.INFO && concerns(d, row)).toList();
    }

    /** The row's status: the worst of its verdict, its certificate's band and the diagnostics about it. */
    public Status statusOf(ListenerRow row) {
        List<Status> all = new ArrayList<>(List.of(row.verdictStatus(), row.certificateStatus() == Status.UNKNOWN
                ? Status.OK : row.certificateStatus()));
        own(row).forEach(d -> all.add(LiveDiagnostics.toStatus(d.severity())));
        return all.contains(Status.ERROR) ? Status.ERROR : all.contains(Status.WARNING) ? Status.WARNING : Status.OK;
    }

    /** The number of problems of the listener (for the status cell's text): its diagnostics, at least 1 when not OK. */
    public int problemCount(ListenerRow row) {
        int n = own(row).size();
        return n == 0 && statusOf(row) != Status.OK ? 1 : n;
    }

    public ObservableList<ListenerRow> rows() { return table.rows(); }
    public ObservableList<ListenerRow> allRows() { return table.allRows(); }
    public StringProperty filterProperty() { return table.filterProperty(); }
    public ReadOnlyStringProperty countProperty() { return table.countProperty(); }
    public ReadOnlyStringProperty placeholderProperty() { return table.placeholderProperty(); }
    public ReadOnlyStringProperty problemProperty() { return table.problemProperty(); }
    public ObjectProperty<ListenerRow> selectedProperty() { return table.selectedProperty(); }
    public ReadOnlyObjectProperty<GatewayDetails> detailsProperty() { return details.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SessionSnapshot> snapshotProperty() { return snapshots; }

    @Override
    public void close() {
        table.close();
    }
}
