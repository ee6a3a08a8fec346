package dev.gatehouse.ui.path;

import dev.gatehouse.routing.Leg;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One leg of a lane, drawn by its protection as UI.md's path-view table says: solid green lock (TLS
 * valid), red broken lock (TLS problem), dashed amber "HTTP · unencrypted", blue lock with "?"
 * (re-encrypted, not verified), green double lock (verified), purple double lock (mutual TLS).
 * Colours and line styles come from the {@code leg-*} style class; the icons and the label say the same
 * without colour.
 */
final class LegView extends VBox {

    LegView(Leg leg, String id, boolean selected, Runnable onClick) {
        setId(id);
        getStyleClass().addAll("path-leg", styleClass(leg.protection()));
        if (selected) {
            getStyleClass().add("path-leg-selected");
        }
        HBox icons = new HBox(1);
        icons.setAlignment(Pos.CENTER);
        icons.getStyleClass().add("path-leg-icons");
        icons.getChildren().addAll(icons(leg.protection()));
        Region line = new Region();
        line.getStyleClass().add("path-leg-line");
        HBox.setHgrow(line, Priority.ALWAYS);
        line.setMaxWidth(Double.MAX_VALUE);
        FontIcon arrow = new FontIcon("fth-chevron-right");
        arrow.getStyleClass().add("path-leg-arrow");
        HBox track = new HBox(line, arrow);
        track.setAlignment(Pos.CENTER);
        Label label = new Label(leg.label());
        label.getStyleClass().add("path-leg-label");
        label.setWrapText(true);
        getChildren().addAll(icons, track, label);
        setAlignment(Pos.CENTER);
        setFillWidth(true);
        setMinWidth(100);
        setMaxWidth(Double.MAX_VALUE);
        setCursor(Cursor.HAND);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.BUTTON);
        setAccessibleText(NodeFacts.capitalise(leg.kind().label()) + ": " + leg.label() + ". " + leg.detail());
        Tooltip tip = new Tooltip(leg.detail());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(this, tip);
        setOnMouseClicked(e -> onClick.run());
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                onClick.run();
            }
        });
    }

    /** {@code leg-tls}, {@code leg-tls-problem}, {@code leg-plain}, {@code leg-reencrypted-unverified}, … */
    static String styleClass(Leg.Protection protection) {
        return "leg-" + protection.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<Node> icons(Leg.Protection protection) {
        return switch (protection) {
            case TLS, PASSTHROUGH -> List.of(icon("fth-lock"));
            case TLS_PROBLEM -> List.of(icon("mdmz-no_encryption"));
            case PLAIN -> List.of(icon("fth-unlock"));
            case REENCRYPTED_UNVERIFIED -> List.of(icon("fth-lock"), question());
            case REENCRYPTED_VERIFIED, MUTUAL_TLS -> List.of(icon("fth-lock"), icon("fth-lock"));
            case NONE -> List.of(icon("fth-minus"));
        };
    }

    private static FontIcon icon(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("path-leg-icon");
        return icon;
    }

    private static Label question() {
        Label q = new Label("?");
        q.getStyleClass().add("path-leg-question");
        return q;
    }
}
