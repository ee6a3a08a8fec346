package dev.gatehouse.ui.certs;

import dev.gatehouse.tls.build.KeyAlgorithm;
import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The renew dialog: subject and names (prefilled), validity, key type, signer; then what changes and one
 * confirmation. For cert-manager's Secrets it explains why Gatehouse does not replace the certificate and
 * offers cert-manager's renewal instead.
 */
final class RenewDialog extends Dialog<Void> {

    RenewDialog(Window owner, RenewViewModel vm) {
        initOwner(owner);
        setTitle("Renew certificate");
        setHeaderText("Renew the certificate of Secret " + vm.secretPath());
        setResizable(true);
        getDialogPane().setId("renew-dialog");
        getDialogPane().getStyleClass().add("cert-dialog");
        Label state = new Label();
        state.setId("renew-state");
        state.setWrapText(true);
        state.textProperty().bind(vm.stateProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox status = new HBox(6, progress, state);

        if (vm.certManager().isPresent()) {
            ButtonType renew = new ButtonType("Renew with cert-manager", ButtonBar.ButtonData.OK_DONE);
            getDialogPane().getButtonTypes().addAll(renew, ButtonType.CLOSE);
            DialogButtons.action(getDialogPane(), renew, "renew-cert-manager",
                    vm.busyProperty().or(vm.doneProperty()).not(), vm::renewWithCertManager);
            Label header = new Label("cert-manager manages this certificate", new FontIcon("fth-refresh-cw"));
            header.getStyleClass().add("section-title");
            state.setMaxWidth(600);
            VBox content = new VBox(10, header, status);
            content.setPrefWidth(640);
            getDialogPane().setContent(content);
            return;
        }

        ButtonType replace = new ButtonType("Replace Secret", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(replace, ButtonType.CANCEL);
        TextField subject = new TextField();
        subject.setId("renew-subject");
        subject.textProperty().bindBidirectional(vm.subjectProperty());
        TextArea names = new TextArea();
        names.setId("renew-sans");
        names.setPrefRowCount(3);
        names.textProperty().bindBidirectional(vm.namesProperty());
        Spinner<Integer> days = new Spinner<>(1, 3650, vm.daysProperty().get());
        days.setId("renew-days");
        days.setEditable(true);
        days.valueProperty().addListener((o, a, d) -> vm.daysProperty().set(d));
        ComboBox<KeyAlgorithm> algorithm = new ComboBox<>();
        algorithm.setId("renew-algorithm");
        algorithm.getItems().setAll(KeyAlgorithm.values());
        algorithm.valueProperty().bindBidirectional(vm.algorithmProperty());
        algorithm.setButtonCell(algorithmCell());
        algorithm.setCellFactory(l -> algorithmCell());
        ToggleGroup signers = new ToggleGroup();
        VBox signerBox = new VBox(4);
        for (RenewViewModel.Signer s : RenewViewModel.Signer.values()) {
            RadioButton r = new RadioButton(s.label());
            r.setId("renew-signer-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            r.setToggleGroup(signers);
            r.setSelected(vm.signerProperty().get() == s);
            r.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    vm.signerProperty().set(s);
                }
            });
            signerBox.getChildren().add(r);
        }
        Label signerNote = new Label();
        signerNote.setId("renew-signer-note");
        signerNote.getStyleClass().add("text-muted");
        signerNote.setWrapText(true);
        signerNote.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> switch (vm.signerProperty().get()) {
            case LOCAL_CA -> "Gatehouse's own CA, created on first use in your data folder (owner-only, key encrypted)."
                    + " Clients trust the certificate once they trust the CA: export it from the Certificates screen.";
            case SELF_SIGNED -> "Clients accept it only if they are told to trust this very certificate.";
            case EXTERNAL_CA -> "Shows a certificate request to send to your CA; the new key waits, encrypted, until you"
                    + " drop the signed certificate onto the Certificates screen.";
        }, vm.signerProperty()));
        signerBox.getChildren().add(signerNote);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(150),
                new javafx.scene.layout.ColumnConstraints(300, 520, Double.MAX_VALUE));
        form.addRow(0, new Label("Subject"), subject);
        form.addRow(1, new Label("Names (one per line)"), names);
        form.addRow(2, new Label("Valid for (days)"), days);
        form.addRow(3, new Label("Key"), algorithm);
        form.addRow(4, new Label("Signed by"), signerBox);

        Button preview = new Button("Show changes", new FontIcon("fth-eye"));
        preview.setId("renew-preview");
        preview.setOnAction(e -> vm.preview());
        preview.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.signerProperty().get() == RenewViewModel.Signer.EXTERNAL_CA ? "Create certificate request"
                        : "Show changes", vm.signerProperty()));
        preview.disableProperty().bind(vm.busyProperty());
        TextArea request = new TextArea();
        request.setId("renew-request");
        request.setEditable(false);
        request.getStyleClass().add("mono");
        request.setPrefRowCount(6);
        request.textProperty().bind(vm.requestProperty());
        Button copy = new Button("Copy request", new FontIcon("fth-copy"));
        copy.setId("renew-request-copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.requestProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button save = new Button("Save request…", new FontIcon("fth-download"));
        save.setId("renew-request-save");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(vm.secretPath().replace('/', '-') + ".csr");
            File f = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.saveRequest(f.toPath());
            }
        });
        VBox requestBox = new VBox(6, request, new HBox(6, copy, save));
        requestBox.visibleProperty().bind(vm.requestProperty().isNotEmpty());
        requestBox.managedProperty().bind(requestBox.visibleProperty());
        LinesBox summary = new LinesBox("renew-summary", vm.summary());
        VBox content = new VBox(10, form, preview, requestBox, summary, new DiffView("renew-diff", vm.diff()), status);
        content.setPadding(new Insets(4));
        getDialogPane().setPrefWidth(820);
        getDialogPane().setMinWidth(820);
        getDialogPane().setContent(content);

        DialogButtons.action(getDialogPane(), replace, "renew-confirm", vm.canConfirmProperty(), vm::confirm);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId("renew-cancel");
        vm.doneProperty().addListener((o, a, done) -> {
            if (done) {
                close();
            }
        });
    }

    private static ListCell<KeyAlgorithm> algorithmCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(KeyAlgorithm a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.displayName() + (a == KeyAlgorithm.EC_P256 ? " (recommended)" : ""));
            }
        };
    }
}
