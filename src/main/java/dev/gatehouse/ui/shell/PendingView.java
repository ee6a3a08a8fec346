package dev.gatehouse.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The honest screen for a feature that has not been built yet: what it will do and that it is
 * not there yet. It never shows made-up data.
 */
public final class PendingView extends VBox {
    public PendingView(Section section, String notYet) {
        getStyleClass().add("empty-state");
        setId(section.screenId());
        setAlignment(Pos.CENTER);
        setSpacing(12);
        FontIcon icon = new FontIcon(section.iconLiteral());
        icon.getStyleClass().add("empty-state-icon");
        Label title = new Label(section.label());
        title.getStyleClass().add("title-2");
        Label purpose = new Label(section.purpose());
        purpose.setWrapText(true);
        Label pending = new Label(notYet);
        pending.setId("pending-" + section.name().toLowerCase(java.util.Locale.ROOT));
        pending.getStyleClass().add("text-muted");
        pending.setWrapText(true);
        getChildren().addAll(icon, title, purpose, pending);
        setMaxWidth(Double.MAX_VALUE);
    }
}
