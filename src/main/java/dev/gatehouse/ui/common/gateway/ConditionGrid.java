package dev.gatehouse.ui.common.gateway;

import dev.gatehouse.ui.common.Status;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** Conditions as a grid: type, Gatehouse's verdict, what the controller wrote; disagreements flagged. */
public final class ConditionGrid {
    private ConditionGrid() {
    }

    public static GridPane of(String id, List<ConditionLine> lines) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints fixed = new ColumnConstraints();
        fixed.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        ColumnConstraints controller = new ColumnConstraints();
        controller.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(fixed, wide, controller);
        grid.addRow(0, heading("Condition"), heading("Gatehouse says"), heading("Controller wrote"));
        int row = 1;
        for (ConditionLine l : lines) {
            Status s = l.bad() ? Status.ERROR : Status.OK;
            Label type = new Label(l.type());
            type.getStyleClass().add("kv-key");
            Label ours = new Label(l.gatehouse(), new FontIcon(s.iconLiteral()));
            ours.getStyleClass().add(s.styleClass() + "-text");
            ours.setWrapText(true);
            Label theirs = new Label(l.controller() + (l.differs() ? "  ≠ differs" : ""));
            if (l.differs()) {
                theirs.setGraphic(new FontIcon(Status.WARNING.iconLiteral()));
                theirs.getStyleClass().add("status-warning-text");
                theirs.setTooltip(new Tooltip("The controller's status disagrees with what Gatehouse derives from the"
                        + " objects"));
            }
            type.setMinWidth(Region.USE_PREF_SIZE);
            theirs.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, type, ours, theirs);
        }
        if (lines.isEmpty()) {
            grid.addRow(1, new Label("No conditions."));
        }
        return grid;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-bold");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
