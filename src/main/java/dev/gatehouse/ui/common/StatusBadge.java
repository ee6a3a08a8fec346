package dev.gatehouse.ui.common;

import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/** A pill-shaped label: status icon + text, coloured by {@link Status}. */
public final class StatusBadge extends Label {
    private final FontIcon icon = new FontIcon();

    public StatusBadge() {
        getStyleClass().add("status-badge");
        setGraphic(icon);
        show(Status.UNKNOWN, "");
    }

    public void show(Status status, String text) {
        getStyleClass().removeAll(Status.allStyleClasses());
        getStyleClass().add(status.styleClass());
        icon.setIconLiteral(status.iconLiteral());
        setText(text);
    }
}
