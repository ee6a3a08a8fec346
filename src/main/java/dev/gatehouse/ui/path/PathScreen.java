package dev.gatehouse.ui.path;

import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.BooleanProperty;

/** Wires the Path screen to the connection: its session, and the demo cluster's CA as a trusted root. */
public final class PathScreen {

    private PathScreen() {
    }

    public static PathView create(ConnectionViewModel connection, FxBackground background,
                                  BooleanProperty explainRequested, Clock clock) {
        PathViewModel vm = new PathViewModel(connection.sessionProperty(), () -> {
            DemoCluster demo = connection.demoProperty().get();
            return demo == null ? List.of() : List.of(demo.demoCaCertificate());
        }, background::execute, clock);
        return new PathView(vm, explainRequested);
    }
}
