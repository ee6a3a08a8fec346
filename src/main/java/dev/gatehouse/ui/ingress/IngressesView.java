package dev.gatehouse.ui.ingress;

import dev.gatehouse.ui.common.TableSupport;
import dev.gatehouse.ui.common.YamlArea;
import dev.gatehouse.ui.common.diagnostics.DiagnosticLabel;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.time.Instant;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.input.TransferMode;
import javafx.scene.control.Button;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import dev.gatehouse.ui.common.probe.ProbeLiveButton;
import dev.gatehouse.ui.common.probe.ProbeOpener;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Ingresses: the live table on top, the selected Ingress's rules, TLS, annotations and YAML below. */
public final class IngressesView extends VBox {
    private final IngressesViewModel vm;
    private final TreeView<String> rulesTree = new TreeView<>();
    private final VBox tlsBox = new VBox(6);
    private final GridPane annotations = new GridPane();
    private final YamlArea yaml = new YamlArea(false);
    private final VBox problems = new VBox(4);
    private final BiConsumer<List<Path>, String> dropOnSecret;

    public IngressesView(IngressesViewModel vm, Consumer<Ingress> openAsDraft, BiConsumer<List<Path>, String> dropOnSecret,
                         ProbeOpener probes) {
        this.dropOnSecret = dropOnSecret;
        this.vm = vm;
        setId("screen-ingresses");
        getStyleClass().add("screen");

        Label title = new Label("Ingresses");
        title.getStyleClass().add("title-3");
        TextField filter = TableSupport.filterField("ingress-filter", "Filter by any column (Ctrl+F)");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Label count = new Label();
        count.setId("ingress-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(vm.countProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button draft = new Button("Open as draft", new FontIcon("fth-edit-3"));
        draft.setId("ingress-open-draft");
        draft.disableProperty().bind(vm.selectedProperty().isNull());
        draft.setOnAction(e -> openAsDraft.accept(vm.selectedProperty().get().ingress()));
        Button delete = new Button("Delete…", new FontIcon("fth-trash-2"));
        delete.setId("ingress-delete");
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> confirmDelete());
        ProbeLiveButton probe = new ProbeLiveButton("ingress-probe-live", vm::probeHosts, probes);
        vm.selectedProperty().addListener((o, a, row) -> probe.refresh());
        HBox toolbar = new HBox(title, spacer, count, filter, probe, draft, delete);
        toolbar.getStyleClass().add("table-toolbar");

        Label problem = TableSupport.problemBanner("ingress-problem", vm.problemProperty());
        Label action = new Label();
        action.setId("ingress-action-message");
        action.textProperty().bind(vm.actionMessageProperty());
        Button undo = new Button("Undo", new FontIcon("fth-rotate-ccw"));
        undo.setId("ingress-undo-delete");
        undo.visibleProperty().bind(vm.lastDeletionProperty().isNotNull());
        undo.setOnAction(e -> vm.undoDelete());
        HBox actionBar = new HBox(8, action, undo);
        actionBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        actionBar.visibleProperty().bind(vm.actionMessageProperty().isNotEmpty());
        actionBar.managedProperty().bind(actionBar.visibleProperty());

        TableView<IngressRow> table = table();
        problems.setId("ingress-problems");
        VBox bottom = new VBox(6, problems, details());
        VBox.setVgrow(bottom.getChildren().get(1), Priority.ALWAYS);
        SplitPane split = new SplitPane(table, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar, problem, actionBar, split);
        TableSupport.focusOnShortcutF(this, filter);
        vm.detailsProperty().addListener((o, a, d) -> showDetails(d));
        showDetails(vm.detailsProperty().get());
    }

    /** A TLS entry as a drop target: highlighted while files hover, and says what dropping does. */
    private void acceptCertificateDrops(Label entry, String secretKey) {
        entry.setId("ingress-tls-" + secretKey.replace('/', '-'));
        String idle = entry.getText();
        entry.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                entry.setText("Drop to check " + e.getDragboard().getFiles().size()
                        + " file(s) and put them into Secret " + secretKey);
                if (!entry.getStyleClass().contains("drop-active")) {
                    entry.getStyleClass().add("drop-active");
                }
            }
            e.consume();
        });
        entry.setOnDragExited(e -> {
            entry.setText(idle);
            entry.getStyleClass().remove("drop-active");
        });
        entry.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                dropOnSecret.accept(e.getDragboard().getFiles().stream().map(File::toPath).toList(), secretKey);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void confirmDelete() {
        IngressRow row = vm.selectedProperty().get();
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The Ingress is backed up first; Undo puts it back exactly as it is now.",
                javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
        a.initOwner(getScene().getWindow());
        a.setTitle("Delete Ingress");
        a.setHeaderText("Delete Ingress " + row.key() + " from the cluster?");
        a.getDialogPane().setId("delete-dialog");
        a.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals).ifPresent(b -> vm.deleteSelected());
    }

    private TableView<IngressRow> table() {
        TableView<IngressRow> table = new TableView<>();
        table.setId("ingress-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(TableSupport.placeholder(vm.placeholderProperty(), "fth-globe"));
        table.getColumns().add(TableSupport.status("Status", vm::statusOf, vm::problemCount));
        table.getColumns().add(TableSupport.text("Namespace", IngressRow::namespace, 110));
        table.getColumns().add(TableSupport.text("Name", IngressRow::name, 150));
        table.getColumns().add(TableSupport.text("Class", IngressRow::ingressClass, 80));
        table.getColumns().add(TableSupport.text("Hosts", IngressRow::hosts, 220));
        table.getColumns().add(TableSupport.text("TLS hosts", IngressRow::tlsHosts, 200));
        table.getColumns().add(TableSupport.text("Secrets", IngressRow::secrets, 140));
        table.getColumns().add(TableSupport.text("Address", IngressRow::address, 100));
        TableColumn<IngressRow, Instant> age = TableSupport.age("Age", IngressRow::created, vm.clock());
        table.getColumns().add(age);
        SortedList<IngressRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().addAll(table.getColumns().get(0), table.getColumns().get(1), table.getColumns().get(2));
        TableSupport.bindSelection(table, vm.selectedProperty());
        vm.diagnosticsProperty().addListener((o, a, r) -> table.refresh());
        return table;
    }

    private TabPane details() {
        rulesTree.setId("ingress-rules");
        rulesTree.setShowRoot(false);
        tlsBox.setId("ingress-tls");
        annotations.setId("ingress-annotations");
        annotations.setHgap(12);
        annotations.setVgap(4);
        yaml.setId("ingress-yaml");
        Tab rules = new Tab("Rules", rulesTree);
        Tab tls = new Tab("TLS", TableSupport.padded(tlsBox));
        Tab ann = new Tab("Annotations", TableSupport.padded(annotations));
        Tab yamlTab = new Tab("YAML", yaml);
        TabPane tabs = new TabPane(rules, tls, ann, yamlTab);
        tabs.setId("ingress-details");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private void showDetails(IngressDetails d) {
        TreeItem<String> root = new TreeItem<>();
        tlsBox.getChildren().clear();
        annotations.getChildren().clear();
        problems.getChildren().clear();
        if (d != null) {
            d.problems().forEach(p -> problems.getChildren().add(DiagnosticLabel.of(p)));
        }
        if (d == null) {
            rulesTree.setRoot(root);
            tlsBox.getChildren().add(new Label("Select an Ingress to see its details."));
            yaml.setText("");
            return;
        }
        for (IngressDetails.HostRules host : d.rules()) {
            TreeItem<String> h = new TreeItem<>(host.host(), new FontIcon("fth-globe"));
            host.paths().forEach(p -> h.getChildren().add(new TreeItem<>(p.display(), new FontIcon("fth-corner-down-right"))));
            h.setExpanded(true);
            root.getChildren().add(h);
        }
        d.defaultBackend().ifPresent(b -> root.getChildren().add(
                new TreeItem<>("default backend → " + b, new FontIcon("fth-corner-down-right"))));
        if (root.getChildren().isEmpty()) {
            root.getChildren().add(new TreeItem<>("No rules and no default backend: every request gets the controller's 404."));
        }
        rulesTree.setRoot(root);
        if (d.tls().isEmpty()) {
            tlsBox.getChildren().add(new Label("No TLS section: these hosts are served over plain HTTP "
                    + "(and over HTTPS only with the controller's default certificate)."));
        }
        String ns = d.title().substring(0, d.title().indexOf('/'));
        for (IngressDetails.TlsEntry t : d.tls()) {
            Label l = new Label(String.join(", ", t.hosts()) + "  →  Secret " + t.secretName() + ": " + t.secretState(),
                    new FontIcon(t.secretState().startsWith("present (") ? "fth-lock" : "fth-alert-triangle"));
            l.setWrapText(true);
            if (!t.secretName().isBlank()) {
                acceptCertificateDrops(l, ns + "/" + t.secretName());
            }
            tlsBox.getChildren().add(l);
        }
        if (!d.tls().isEmpty()) {
            Label hint = new Label("Drop certificate and key files on a TLS entry to put them into its Secret.");
            hint.getStyleClass().add("text-muted");
            tlsBox.getChildren().add(hint);
        }
        int row = 0;
        for (var e : d.annotations().entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("kv-key");
            Label v = new Label(e.getValue());
            v.setWrapText(true);
            annotations.addRow(row++, k, v);
        }
        if (row == 0) {
            annotations.addRow(0, new Label("No annotations."));
        }
        yaml.setText(d.yaml());
    }
}
