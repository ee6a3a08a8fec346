package dev.gatehouse.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Error dialogs as UI.md asks: the plain message first, the technical part under "Details". */
public final class Dialogs {
    private Dialogs() {
    }

    /** Asks once; true when the user pressed {@code action}. */
    public static boolean confirm(Window owner, String title, String plainMessage, String action) {
        javafx.scene.control.ButtonType yes = new javafx.scene.control.ButtonType(action,
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, plainMessage, javafx.scene.control.ButtonType.CANCEL, yes);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("confirm-dialog");
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    public static void showError(Window owner, String title, String plainMessage, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(plainMessage);
        if (details != null) {
            StringWriter sw = new StringWriter();
            details.printStackTrace(new PrintWriter(sw));
            TextArea area = new TextArea(sw.toString());
            area.setEditable(false);
            area.setWrapText(false);
            area.setPrefRowCount(12);
            alert.getDialogPane().setExpandableContent(area);
        }
        alert.show();
    }
}
