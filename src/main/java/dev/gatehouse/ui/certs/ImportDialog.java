package dev.gatehouse.ui.certs;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The import dialog: what the dropped files hold, every problem, the hosts check, the chain-order fix,
 * the target Secret, then what changes (summary and diff, keys never shown) and one confirmation.
 */
final class ImportDialog extends Dialog<Void> {

    ImportDialog(Window owner, ImportViewModel vm) {
        initOwner(owner);
        setTitle("Import certificate");
        setHeaderText("Import certificate files into a TLS Secret");
        setResizable(true);
        ButtonType write = new ButtonType("Replace Secret", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(write, ButtonType.CANCEL);
        getDialogPane().setId("import-dialog");
        getDialogPane().getStyleClass().add("cert-dialog");

        TextField namespace = new TextField();
        namespace.setId("import-namespace");
        namespace.textProperty().bindBidirectional(vm.namespaceProperty());
        TextField name = new TextField();
        name.setId("import-name");
        name.setPromptText("Secret name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        Button check = new Button("Check again", new FontIcon("fth-refresh-cw"));
        check.setId("import-check");
        check.setOnAction(e -> vm.prepare());
        namespace.setOnAction(e -> vm.prepare());
        name.setOnAction(e -> vm.prepare());
        Label secretLabel = new Label("Secret");
        secretLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(name, javafx.scene.layout.Priority.ALWAYS);
        HBox target = new HBox(6, secretLabel, namespace, new Label("/"), name, check);
        target.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        PasswordField password = new PasswordField();
        password.setId("import-password");
        password.setPromptText("Password of the encrypted key or keystore");
        Button unlock = new Button("Unlock");
        unlock.setId("import-unlock");
        unlock.setOnAction(e -> {
            vm.unlock(password.getText().toCharArray());
            password.clear();
        });
        password.setOnAction(unlock.getOnAction());
        HBox passwordBox = new HBox(6, new FontIcon("fth-lock"), password, unlock);
        passwordBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        passwordBox.visibleProperty().bind(vm.passwordNeededProperty());
        passwordBox.managedProperty().bind(passwordBox.visibleProperty());

        CheckBox fix = new CheckBox("Fix the chain order: server certificate first, then each issuer (roots and"
                + " unrelated certificates left out)");
        fix.setId("import-fix-order");
        fix.selectedProperty().bindBidirectional(vm.fixOrderProperty());
        fix.visibleProperty().bind(vm.orderFixableProperty());
        fix.managedProperty().bind(fix.visibleProperty());

        LinesBox summary = new LinesBox("import-summary", vm.summary());
        Label state = new Label();
        state.setId("import-state");
        state.setWrapText(true);
        state.setMaxWidth(760);
        state.textProperty().bind(vm.stateProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button retry = new Button("Reload and retry", new FontIcon("fth-refresh-cw"));
        retry.setId("import-retry");
        retry.setOnAction(e -> vm.prepare());
        retry.visibleProperty().bind(vm.conflictProperty());
        retry.managedProperty().bind(retry.visibleProperty());

        VBox content = new VBox(8,
                section("Found"), new FindingsBox("import-found", vm.found()),
                section("Problems"), new FindingsBox("import-problems", vm.problems()),
                section("Hosts of the Ingresses using the Secret"), new FindingsBox("import-hosts", vm.hosts()),
                passwordBox, fix, target,
                section("What changes"), summary, new DiffView("import-diff", vm.diff()),
                new HBox(6, progress, state, retry));
        content.setPadding(new Insets(4));
        fix.setWrapText(true);
        ScrollPane scroll = new ScrollPane(content);
        getDialogPane().setPrefWidth(860);
        getDialogPane().setMinWidth(860);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        getDialogPane().setContent(scroll);

        Button confirm = DialogButtons.action(getDialogPane(), write, "import-confirm", vm.canConfirmProperty(),
                vm::confirm);
        confirm.textProperty().bind(vm.confirmTextProperty());
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("import-cancel");
        vm.doneProperty().addListener((o, a, done) -> {
            if (done) {
                close();
            }
        });
    }

    static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
