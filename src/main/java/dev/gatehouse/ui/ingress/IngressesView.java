package dev.gatehouse.ui.ingress;

import dev.gatehouse.ui.common.TableSupport;
import dev.gatehouse.ui.common.YamlArea;
import dev.gatehouse.ui.diagnostics.DiagnosticLabel;
import java.time.Instant;
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

    public IngressesView(IngressesViewModel vm) {
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
        HBox toolbar = new HBox(title, spacer, count, filter);
        toolbar.getStyleClass().add("table-toolbar");

        Label problem = TableSupport.problemBanner("ingress-problem", vm.problemProperty());

        TableView<IngressRow> table = table();
        problems.setId("ingress-problems");
        VBox bottom = new VBox(6, problems, details());
        VBox.setVgrow(bottom.getChildren().get(1), Priority.ALWAYS);
        SplitPane split = new SplitPane(table, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar, problem, split);
        TableSupport.focusOnShortcutF(this, filter);
        vm.detailsProperty().addListener((o, a, d) -> showDetails(d));
        showDetails(vm.detailsProperty().get());
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
        TableColumn<IngressRow, Instant> age = TableSupport.age("Age", IngressRow::created);
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
        for (IngressDetails.TlsEntry t : d.tls()) {
            Label l = new Label(String.join(", ", t.hosts()) + "  →  Secret " + t.secretName() + ": " + t.secretState(),
                    new FontIcon(t.secretState().startsWith("present (") ? "fth-lock" : "fth-alert-triangle"));
            l.setWrapText(true);
            tlsBox.getChildren().add(l);
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
