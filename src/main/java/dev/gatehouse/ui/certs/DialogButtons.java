package dev.gatehouse.ui.certs;

import javafx.beans.value.ObservableBooleanValue;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;

/**
 * The certificate dialogs' action button: enabled only while its action can run, and running the action
 * without closing the dialog (the dialog closes itself when the work is done).
 */
final class DialogButtons {

    private DialogButtons() {
    }

    static Button action(DialogPane pane, ButtonType type, String id, ObservableBooleanValue enabled, Runnable action) {
        Button b = (Button) pane.lookupButton(type);
        b.setId(id);
        b.getStyleClass().add("accent");
        b.setMinWidth(Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(b, false);
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        b.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            action.run();
        });
        return b;
    }
}
