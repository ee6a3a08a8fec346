package dev.gatehouse.ui.draft;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Shows what an apply will change (the diff) and asks once. */
final class ApplyDialog {
    static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    private ApplyDialog() {
    }

    static boolean confirm(Window owner, String what, String diff) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, null, ButtonType.CANCEL, APPLY);
        a.initOwner(owner);
        a.setTitle("Apply draft");
        a.setHeaderText("Apply these changes to " + what + "? The live object is backed up first and can be restored with Undo.");
        TextArea t = new TextArea(diff.isBlank() ? "(no difference from what is live)" : diff);
        t.setEditable(false);
        t.getStyleClass().add("mono");
        t.setPrefRowCount(18);
        t.setPrefColumnCount(90);
        a.getDialogPane().setContent(t);
        a.getDialogPane().setId("apply-dialog");
        return a.showAndWait().filter(APPLY::equals).isPresent();
    }
}
