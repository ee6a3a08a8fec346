package dev.gatehouse.ui.path;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.StatusBadge;
import dev.gatehouse.ui.common.probe.ProbeOpener;
import dev.gatehouse.ui.path.PathDiagram.Detail;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The side panel: everything about the clicked box or leg, with its diagnostics and how to fix them. */
final class DetailsPanel extends VBox {

    private final ProbeOpener probes;

    DetailsPanel(PathSelection selection, ProbeOpener probes) {
        this.probes = probes;
        setId("path-details");
        getStyleClass().add("path-details");
        setSpacing(10);
        selection.detailsProperty().addListener((o, a, d) -> show(d, selection));
        show(null, selection);
    }

    private void show(PathSelection.Details d, PathSelection selection) {
        getChildren().clear();
        if (d == null) {
            Label hint = new Label("Click a box or a leg of the diagram to see its details.");
            hint.setId("path-details-empty");
            hint.setWrapText(true);
            hint.getStyleClass().add("text-muted");
            getChildren().add(hint);
            return;
        }
        Label heading = new Label(d.heading());
        heading.setId("path-details-heading");
        heading.getStyleClass().add("detail-title");
        heading.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon("fth-x"));
        close.setId("path-details-close");
        close.getStyleClass().addAll("flat", "button-icon");
        close.setOnAction(e -> selection.clear());
        HBox top = new HBox(6, heading, spacer, close);
        top.setAlignment(Pos.TOP_LEFT);
        Label sub = new Label(d.subheading());
        sub.setWrapText(true);
        Label lane = new Label(d.lane());
        lane.getStyleClass().add("text-muted");
        lane.setWrapText(true);
        Label status = new Label(d.statusText());
        status.getStyleClass().add("text-muted");
        if (d.status() != null) {
            StatusBadge badge = new StatusBadge();
            badge.show(d.status(), d.statusText());
            status = badge;
        }
        status.setId("path-details-status");
        VBox grid = new VBox(8);
        grid.setId("path-details-grid");
        for (Detail detail : d.details()) {
            Label k = new Label(detail.label());
            k.getStyleClass().add("kv-key");
            Label v = new Label(detail.value());
            v.setWrapText(true);
            grid.getChildren().add(new VBox(1, k, v));
        }
        getChildren().addAll(top, sub, lane, status);
        d.probeHost().ifPresent(host -> {
            Button probe = new Button("Probe live", new FontIcon("fth-zap"));
            probe.setId("path-probe-live");
            probe.setTooltip(new javafx.scene.control.Tooltip("Connect to the controller as " + host
                    + " and compare what it serves with this prediction"));
            probe.setOnAction(e -> probes.probe(host));
            getChildren().add(probe);
        });
        getChildren().add(grid);
        if (!d.diagnostics().isEmpty()) {
            Label title = new Label("Problems");
            title.getStyleClass().add("path-details-section");
            getChildren().add(title);
            for (int i = 0; i < d.diagnostics().size(); i++) {
                getChildren().add(diagnostic(d.diagnostics().get(i), "path-details-diagnostic-" + i));
            }
        }
    }

    private static VBox diagnostic(Diagnostic d, String id) {
        Status status = d.severity() == Severity.ERROR ? Status.ERROR : d.severity() == Severity.WARNING
                ? Status.WARNING : Status.UNKNOWN;
        Label message = new Label(d.message(), new FontIcon(status.iconLiteral()));
        message.setWrapText(true);
        message.getStyleClass().add(status.styleClass());
        message.getStyleClass().add("path-details-message");
        Label hint = new Label("Fix: " + d.hint());
        hint.setWrapText(true);
        Label code = new Label(d.severity().label() + " · " + d.code() + " · " + d.object());
        code.getStyleClass().add("text-muted");
        VBox box = new VBox(3, message, hint, code);
        box.setId(id);
        box.getStyleClass().add("path-details-diagnostic");
        return box;
    }
}
