package dev.gatehouse.ui.path;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.StatusBadge;
import dev.gatehouse.ui.path.PathDiagram.NodeInfo;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A box of the diagram: icon, title, subtitle, its status, and a badge counting its diagnostics. */
final class NodeView extends VBox {

    static final double WIDTH = 175;
    /** The width in lanes with five boxes (a Gateway's: the route rule is a box of its own). */
    static final double COMPACT_WIDTH = 158;

    NodeView(NodeInfo node, String id, String iconLiteral, boolean selected, Runnable onClick) {
        this(node, id, iconLiteral, selected, onClick, WIDTH);
    }

    NodeView(NodeInfo node, String id, String iconLiteral, boolean selected, Runnable onClick, double width) {
        setId(id);
        getStyleClass().add("path-node");
        if (selected) {
            getStyleClass().add("path-node-selected");
        }
        FontIcon icon = new FontIcon(iconLiteral);
        icon.getStyleClass().add("path-node-icon");
        Label title = new Label(node.title());
        title.getStyleClass().add("path-node-title");
        title.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, icon, title, spacer);
        header.setAlignment(Pos.TOP_LEFT);
        if (!node.diagnostics().isEmpty()) {
            header.getChildren().add(badge(node, id + "-badge"));
        }
        Label subtitle = new Label(node.subtitle());
        subtitle.getStyleClass().add("path-node-subtitle");
        subtitle.setWrapText(true);
        getChildren().addAll(header, subtitle);
        if (node.status() != null) {
            StatusBadge status = new StatusBadge();
            status.show(node.status(), node.statusText());
            status.setId(id + "-status");
            status.setWrapText(true);
            status.setMaxWidth(width - 18);
            getChildren().add(status);
        } else if (!node.statusText().isEmpty()) {
            Label text = new Label(node.statusText());
            text.getStyleClass().add("text-muted");
            text.setWrapText(true);
            getChildren().add(text);
        }
        setMinWidth(width);
        setPrefWidth(width);
        setMaxWidth(width);
        setCursor(Cursor.HAND);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.BUTTON);
        setAccessibleText(node.title() + ", " + node.subtitle() + ", " + node.statusText()
                + (node.diagnostics().isEmpty() ? "" : ", " + node.diagnostics().size() + " problem"
                + (node.diagnostics().size() == 1 ? "" : "s")));
        setOnMouseClicked(e -> onClick.run());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                onClick.run();
            }
        });
    }

    private static Label badge(NodeInfo node, String id) {
        Severity worst = node.diagnostics().get(0).severity();
        Status status = worst == Severity.ERROR ? Status.ERROR : worst == Severity.WARNING ? Status.WARNING
                : Status.UNKNOWN;
        Label badge = new Label(String.valueOf(node.diagnostics().size()), new FontIcon(status.iconLiteral()));
        badge.setId(id);
        badge.getStyleClass().addAll("status-badge", "path-badge", status.styleClass());
        Tooltip tip = new Tooltip(node.diagnostics().stream().map(NodeView::line).collect(Collectors.joining("\n\n")));
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        badge.setTooltip(tip);
        return badge;
    }

    private static String line(Diagnostic d) {
        return d.message() + "\n(" + d.severity().label() + ", " + d.code() + ")";
    }
}
