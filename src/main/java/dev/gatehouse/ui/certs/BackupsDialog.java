package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.write.Backup;
import dev.gatehouse.ui.common.RelativeTime;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The backups taken before each write, newest first; selecting one shows what restoring it changes. */
final class BackupsDialog extends Dialog<Void> {

    BackupsDialog(Window owner, BackupsViewModel vm) {
        initOwner(owner);
        setTitle("Backups");
        setHeaderText("Backups taken before each change Gatehouse wrote");
        setResizable(true);
        getDialogPane().setId("backups-dialog");
        getDialogPane().getStyleClass().add("cert-dialog");
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(restore, ButtonType.CLOSE);
        ListView<Backup> list = new ListView<>(vm.backups());
        list.setId("backups-list");
        list.setPrefHeight(220);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Backup b, boolean empty) {
                super.updateItem(b, empty);
                if (empty || b == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(RelativeTime.age(b.taken(), vm.clock().instant()) + " ago · " + b.kind() + " " + b.namespace() + "/"
                        + b.name() + " · " + (b.yaml().isPresent() ? b.reason() : b.reason() + " (did not exist before)"));
                setTooltip(new Tooltip(RelativeTime.absolute(b.taken()) + "\n" + b.id()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        Label state = new Label();
        state.setId("backups-state");
        state.setWrapText(true);
        state.textProperty().bind(vm.stateProperty());
        VBox content = new VBox(8, list, ImportDialog.section("What restoring changes (changed lines with a little context)"),
                new DiffView("backups-diff", vm.diff()), state);
        content.setPadding(new Insets(4));
        getDialogPane().setPrefWidth(820);
        getDialogPane().setMinWidth(820);
        state.setMaxWidth(760);
        getDialogPane().setContent(content);
        DialogButtons.action(getDialogPane(), restore, "backups-restore", vm.canRestoreProperty(), vm::restore);
    }
}
