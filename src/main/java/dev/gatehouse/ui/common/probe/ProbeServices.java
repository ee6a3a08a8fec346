package dev.gatehouse.ui.common.probe;

import dev.gatehouse.probe.ProbeResults;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.ui.common.FxBackground;
import java.time.Clock;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What probing needs from the window: the session's routing snapshot (what the objects predict, the trust
 * anchors), the session's probe results, the clock, and where background work runs.
 *
 * @param snapshot   the newest snapshot of the connection (null while none)
 * @param results    the connected session's results (null while not connected)
 * @param clock      stamps the observations and says how long ago they were taken
 * @param background runs the probes as tasks (status bar progress and cancel)
 */
public record ProbeServices(ReadOnlyObjectProperty<SessionSnapshot> snapshot,
                            ReadOnlyObjectProperty<ProbeResults> results, Clock clock, FxBackground background) {
}
