package dev.gatehouse.ui.common.probe;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.probe.ProbeResults;
import dev.gatehouse.probe.ProbeRoute;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.FxBackground;
import java.time.Clock;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What probing needs from the window: the session's routing snapshot (what the objects predict, the trust
 * anchors), the session's probe results, the connected session (its client opens port-forwards), the clock, and
 * where background work runs.
 *
 * @param snapshot   the newest snapshot of the connection (null while none)
 * @param results    the connected session's results (null while not connected)
 * @param session    the connected session (null while not connected)
 * @param clock      stamps the observations and says how long ago they were taken
 * @param background runs the probes as tasks (status bar progress and cancel)
 */
public record ProbeServices(ReadOnlyObjectProperty<SessionSnapshot> snapshot,
                            ReadOnlyObjectProperty<ProbeResults> results,
                            ReadOnlyObjectProperty<ClusterSession> session, Clock clock, FxBackground background) {

    /** How to reach the controller in this session (FX thread: reads the session now). */
    ProbeRoute route(ProbeRoute.Mode mode) {
        ClusterSession s = session.get();
        return ProbeRoute.of(mode, s == null ? Optional.empty() : s.client(),
                s == null ? "the cluster" : "context " + s.contextName());
    }
}
