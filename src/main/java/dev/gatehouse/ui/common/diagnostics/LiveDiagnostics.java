package dev.gatehouse.ui.common.diagnostics;

import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Status;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The session's routing snapshot on the FX thread: the {@link RoutingService} of the connection computes it
 * (debounced, latest wins, off the FX thread); this holder republishes each one as properties that the Overview,
 * Ingresses, Certificates and Path screens read, so they all show the same answer.
 */
public final class LiveDiagnostics {
    private static final DiagnosticReport EMPTY = new DiagnosticReport(List.of());

    private final ReadOnlyObjectWrapper<DiagnosticReport> report = new ReadOnlyObjectWrapper<>(EMPTY);
    private final ReadOnlyObjectWrapper<SessionSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private RoutingService service;
    private Subscription subscription;

    /** @param routing the connection's routing service (null when not connected); read on the FX thread */
    public LiveDiagnostics(ReadOnlyObjectProperty<RoutingService> routing) {
        routing.addListener((o, a, r) -> use(r));
        use(routing.get());
    }

    private void use(RoutingService r) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        service = r;
        snapshot.set(null);
        report.set(EMPTY);
        if (r != null) {
            subscription = r.subscribe(s -> FxBackground.onFx(() -> show(r, s)));
        }
    }

    private void show(RoutingService from, SessionSnapshot s) {
        SessionSnapshot shown = snapshot.get();
        if (from != service || shown != null && shown.sequence() >= s.sequence()) {
            return;
        }
        snapshot.set(s);
        report.set(s.report());
    }

    public ReadOnlyObjectProperty<DiagnosticReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The newest snapshot of the connection (null until the first one and when not connected). */
    public ReadOnlyObjectProperty<SessionSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The worst status among diagnostics about any of these objects (OK when there are none). */
    public static Status statusOf(DiagnosticReport r, Collection<ObjectRef> objects) {
        Severity worst = null;
        for (Diagnostic d : r.diagnostics()) {
            if (objects.contains(d.object()) && (worst == null || d.severity().compareTo(worst) < 0)) {
                worst = d.severity();
            }
        }
        return toStatus(worst);
    }

    public static List<Diagnostic> about(DiagnosticReport r, Collection<ObjectRef> objects) {
        return r.diagnostics().stream().filter(d -> objects.contains(d.object())).sorted(Diagnostic.ORDER).toList();
    }

    public static Status toStatus(Severity s) {
        if (s == null) {
            return Status.OK;
        }
        return switch (s) {
            case ERROR -> Status.ERROR;
            case WARNING -> Status.WARNING;
            case INFO -> Status.OK;
        };
    }
}
