package dev.gatehouse.ui.path;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.probe.ProbeOpener;
import java.time.Clock;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

/** Wires the Path screen to the connection: its session and the session's routing snapshots. */
public final class PathScreen {

    private PathScreen() {
    }

    public static PathView create(ReadOnlyObjectProperty<ClusterSession> session,
                                  ReadOnlyObjectProperty<SessionSnapshot> snapshots, FxBackground background,
                                  Clock clock, BooleanProperty explainRequested, ProbeOpener probes) {
        return new PathView(new PathViewModel(session, snapshots, background::execute, clock), explainRequested,
                probes);
    }
}
