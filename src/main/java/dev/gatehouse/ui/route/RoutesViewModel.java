package dev.gatehouse.ui.route;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.diagnostics.LiveDiagnostics;
import dev.gatehouse.ui.common.gateway.SnapshotTable;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The HTTPRoutes screen: every HTTPRoute, GRPCRoute and TLSRoute of the session, live (one rebuild per routing
 * snapshot), filterable on any column; per parent whether it is accepted and its references resolve, beside what
 * the controller wrote; the selected route's rules, YAML and diagnostics.
 */
public final class RoutesViewModel implements AutoCloseable {
    private final ReadOnlyObjectProperty<SessionSnapshot> snapshots;
    private final SnapshotTable<RouteRow> table;
    private final ReadOnlyObjectWrapper<RouteDetails> details = new ReadOnlyObjectWrapper<>();

    public RoutesViewModel(ReadOnlyObjectProperty<ClusterSession> sessions, ReadOnlyObjectProperty<SessionSnapshot> snapshots) {
        this.snapshots = snapshots;
        this.table = new SnapshotTable<>(sessions, snapshots, RoutesViewModel::rows, RouteRow::key, RouteRow::matches,
                s -> s.gatewayApi().httpRoutes(), "routes", new String[] {"route", "routes"});
        table.selectedProperty().addListener((o, a, r) -> refreshDetails());
        snapshots.addListener((o, a, s) -> refreshDetails());
    }

    static List<RouteRow> rows(SessionSnapshot snap) {
        return new RouteRows(snap.routing().gateways(), snap.routing().model().view()).rows();
    }

    private void refreshDetails() {
        RouteRow row = table.selectedProperty().get();
        SessionSnapshot snap = snapshots.get();
        if (row == null || snap == null || snap.routing().gateways().route(row.ref()).isEmpty()) {
            details.set(null);
            return;
        }
        GatewayModel model = snap.routing().gateways();
        details.set(RouteDetails.of(row, model, new RouteRows(model, snap.routing().model().view()),
                LiveDiagnostics.about(snap.report(), row.related())));
    }

    private List<Diagnostic> problems(RouteRow row) {
        SessionSnapshot snap = snapshots.get();
        return snap == null ? List.of() : LiveDiagnostics.about(snap.report(), row.related()).stream()
                .filter(d -> d.severity() != Severity.INFO).toList();
    }

    /** The row's status: the worst of its verdict and the diagnostics about it. */
    public Status statusOf(RouteRow row) {
        Status diagnosed = LiveDiagnostics.toStatus(problems(row).stream().map(Diagnostic::severity)
                .min(Enum::compareTo).orElse(null));
        return row.verdictStatus() == Status.ERROR ? Status.ERROR : diagnosed;
    }

    public int problemCount(RouteRow row) {
        int n = problems(row).size();
        return n == 0 && statusOf(row) != Status.OK ? 1 : n;
    }

    public ObservableList<RouteRow> rows() { return table.rows(); }
    public ObservableList<RouteRow> allRows() { return table.allRows(); }
    public StringProperty filterProperty() { return table.filterProperty(); }
    public ReadOnlyStringProperty countProperty() { return table.countProperty(); }
    public ReadOnlyStringProperty placeholderProperty() { return table.placeholderProperty(); }
    public ReadOnlyStringProperty problemProperty() { return table.problemProperty(); }
    public ObjectProperty<RouteRow> selectedProperty() { return table.selectedProperty(); }
    public ReadOnlyObjectProperty<RouteDetails> detailsProperty() { return details.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SessionSnapshot> snapshotProperty() { return snapshots; }

    @Override
    public void close() {
        table.close();
    }
}
