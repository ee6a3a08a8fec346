package dev.gatehouse.ui.certs;

import dev.gatehouse.ui.common.TableSupport;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Certificates: the live table of TLS Secrets on top, the selected certificate below. Certificate files
 * dropped anywhere on the screen (or on a row, to replace that Secret) open the import dialog; the screen
 * highlights while a drag hovers and says what dropping will do.
 */
public final class CertificatesView extends StackPane {
    private final CertificatesViewModel vm;
    private final TableView<CertificateRow> table;
    private final CertificateDetailView detail;
    private final Label dropHint = new Label();
    private String hoveredRow;

    public CertificatesView(CertificatesViewModel vm) {
        this(vm, dev.gatehouse.ui.common.probe.ProbeOpener.NONE);
    }

    /** @param probes "Probe live" on a certificate's detail opens the shared probe panel for one of its hosts */
    public CertificatesView(CertificatesViewModel vm, dev.gatehouse.ui.common.probe.ProbeOpener probes) {
        this.vm = vm;
        setId("screen-certificates");
        Label title = new Label("Certificates");
        title.getStyleClass().add("title-3");
        TextField filter = TableSupport.filterField("certs-filter", "Filter by any column (Ctrl+F)");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Label count = new Label();
        count.setId("certs-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(vm.countProperty());
        Button importButton = button("Import…", "certs-import", "fth-upload", this::openImport);
        Button renew = button("Renew…", "certs-renew", "fth-rotate-cw", this::openRenew);
        renew.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || vm.selectedProperty().get().missing(), vm.selectedProperty()));
        renew.setTooltip(new javafx.scene.control.Tooltip("Renew the selected certificate (a missing Secret is created"
                + " by dropping certificate files on its row)"));
        MenuItem backups = new MenuItem("Backups and undo…", new FontIcon("fth-archive"));
        backups.setId("certs-backups");
        backups.setOnAction(e -> openBackups());
        MenuItem exportCa = new MenuItem("Export Gatehouse's local CA…", new FontIcon("fth-award"));
        exportCa.setId("certs-export-ca");
        exportCa.setOnAction(e -> exportLocalCa());
        MenuItem trustCa = new MenuItem("Trust a CA certificate…", new FontIcon("fth-shield"));
        trustCa.setId("certs-trust-ca");
        trustCa.setOnAction(e -> chooseTrustedCa());
        MenuButton more = new MenuButton(null, new FontIcon("fth-more-horizontal"), backups, exportCa, trustCa);
        more.setId("certs-more");
        more.setTooltip(new javafx.scene.control.Tooltip("Backups and undo, Gatehouse's local CA, trusted CAs"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Region r : List.of(title, count, importButton, renew, more)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        filter.setPrefWidth(240);
        HBox toolbar = new HBox(title, spacer, count, filter, importButton, renew, more);
        toolbar.getStyleClass().add("table-toolbar");

        Label problem = TableSupport.problemBanner("certs-problem", vm.problemProperty());
        Label message = new Label();
        message.setId("certs-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Button undo = button("Undo", "certs-undo", "fth-corner-up-left", vm::undo);
        undo.visibleProperty().bind(vm.lastWriteProperty().isNotNull());
        undo.managedProperty().bind(undo.visibleProperty());
        HBox messageBar = new HBox(8, new FontIcon("fth-info"), message, undo);
        messageBar.setAlignment(Pos.CENTER_LEFT);
        messageBar.getStyleClass().add("certs-message-bar");
        messageBar.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageBar.managedProperty().bind(messageBar.visibleProperty());

        table = CertificateTable.create(vm, this::setUpRow);
        detail = new CertificateDetailView(new CertificateDetailView.DetailActions() {
            @Override
            public void exportCertificates(CertificateRow row) {
                exportChain(row);
            }

            @Override
            public void exportKey(CertificateRow row) {
                exportPrivateKey(row);
            }

            @Override
            public void renew() {
                openRenew();
            }
        }, vm.clock(), vm.renewal(), probes);
        vm.selectedProperty().addListener((o, a, r) -> detail.show(r));
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox screen = new VBox(toolbar, problem, messageBar, split);
        screen.getStyleClass().add("screen");

        dropHint.setId("certs-drop-hint");
        dropHint.getStyleClass().add("drop-hint");
        dropHint.setGraphic(new FontIcon("fth-upload-cloud"));
        dropHint.setWrapText(true);
        dropHint.setMouseTransparent(true);
        dropHint.setVisible(false);
        StackPane.setAlignment(dropHint, Pos.CENTER);
        getChildren().addAll(screen, dropHint);
        TableSupport.focusOnShortcutF(this, filter);
        installDrop();
    }

    private static Button button(String text, String id, String icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void setUpRow(TableRow<CertificateRow> row) {
        row.setOnDragEntered(e -> {
            if (row.getItem() != null && e.getDragboard().hasFiles()) {
                hoveredRow = row.getItem().key();
                row.getStyleClass().add("drop-row");
            }
        });
        row.setOnDragExited(e -> {
            row.getStyleClass().remove("drop-row");
            if (row.getItem() != null && row.getItem().key().equals(hoveredRow)) {
                hoveredRow = null;
            }
        });
    }

    private void installDrop() {
        addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                dropHint.setText(CertificatesViewModel.dropHint(e.getDragboard().getFiles().size(),
                        Optional.ofNullable(hoveredRow)));
                dropHint.setVisible(true);
                if (!getStyleClass().contains("drop-active")) {
                    getStyleClass().add("drop-active");
                }
            }
        });
        addEventHandler(DragEvent.DRAG_EXITED, e -> clearDrop());
        addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                drop(files, Optional.ofNullable(hoveredRow));
            }
            e.setDropCompleted(ok);
            e.consume();
            clearDrop();
        });
    }

    private void clearDrop() {
        dropHint.setVisible(false);
        getStyleClass().remove("drop-active");
    }

    /** What dropping files does: the import dialog for {@code targetKey} ({@code namespace/name}) or a chosen Secret. */
    public void drop(List<Path> files, Optional<String> targetKey) {
        new ImportDialog(window(), vm.importFiles(files, targetKey)).show();
    }

    /** Import from a file chooser (menu and button). */
    public void openImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import certificate files");
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null && !files.isEmpty()) {
            drop(files.stream().map(File::toPath).toList(), Optional.empty());
        }
    }

    public void openRenew() {
        vm.renewSelected().ifPresent(r -> new RenewDialog(window(), r).show());
    }

    public void openBackups() {
        new BackupsDialog(window(), vm.backups()).show();
    }

    public void exportLocalCa() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Gatehouse's local CA certificate");
        chooser.setInitialFileName("gatehouse-local-ca.crt");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            vm.export().localCa(f.toPath());
        }
    }

    private void chooseTrustedCa() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Trust a CA certificate");
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            trustCas(f.toPath());
        }
    }

    /** "Trust a CA certificate…" once the file is chosen: the menu and the button end here. */
    public void trustCas(java.nio.file.Path file) {
        vm.trustCas(file);
    }

    private void exportChain(CertificateRow row) {
        if (row == null || row.secret().flatMap(SecretCertificate::analysis).isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export certificate");
        chooser.setInitialFileName(row.name() + ".crt");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            vm.export().certificates(row.secret().get().analysis().get().certificates(), f.toPath());
        }
    }

    private void exportPrivateKey(CertificateRow row) {
        Optional<byte[]> key = row == null ? Optional.empty() : row.secret().flatMap(s -> s.summary().tlsKey());
        if (key.isEmpty()) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Whoever has this key can impersonate "
                + (row.subject().isEmpty() ? row.key() : row.subject()) + ". Gatehouse writes it to a file only you"
                + " can read (mode 0600). Export it?", ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(window());
        ask.setHeaderText("Export the private key of " + row.key() + "?");
        if (ask.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export private key");
        chooser.setInitialFileName(row.name() + ".key");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            vm.export().privateKey(key.get(), f.toPath());
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    public CertificatesViewModel viewModel() {
        return vm;
    }
}
