package dev.gatehouse.ui.gateway;

import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.TableSupport;
import dev.gatehouse.ui.common.YamlArea;
import dev.gatehouse.ui.common.diagnostics.DiagnosticLabel;
import dev.gatehouse.ui.common.gateway.ConditionGrid;
import java.util.List;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Gateways: every listener, live, on top; the selected listener's conditions, certificates, Gateway and YAML below. */
public final class GatewaysView extends VBox {
    private final GatewaysViewModel vm;
    private final VBox listenerBox = new VBox(8);
    private final VBox gatewayBox = new VBox(8);
    private final YamlArea yaml = new YamlArea(false);
    private final VBox problems = new VBox(4);
    private final Label difference = new Label();

    public GatewaysView(GatewaysViewModel vm) {
        this(vm, null);
    }

    /** @param editAsDraft opens the selected listener's Gateway as a draft (null: no such button) */
    public GatewaysView(GatewaysViewModel vm, java.util.function.Consumer<dev.gatehouse.routing.input.ObjectRef> editAsDraft) {
        this.vm = vm;
        setId("screen-gateways");
        getStyleClass().add("screen");

        Label title = new Label("Gateways");
        title.getStyleClass().add("title-3");
        TextField filter = TableSupport.filterField("gateway-filter", "Filter by any column (Ctrl+F)");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Label count = new Label();
        count.setId("gateway-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(vm.countProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(title, spacer, count, filter);
        if (editAsDraft != null) {
            javafx.scene.control.Button draft = new javafx.scene.control.Button("Edit as draft", new FontIcon("fth-edit-3"));
            draft.setId("gateway-edit-draft");
            draft.disableProperty().bind(vm.selectedProperty().isNull());
            draft.setOnAction(e -> editAsDraft.accept(vm.selectedProperty().get().gateway()));
            toolbar.getChildren().add(draft);
        }
        toolbar.getStyleClass().add("table-toolbar");
        Label problem = TableSupport.problemBanner("gateway-problem", vm.problemProperty());

        difference.setId("gateway-difference");
        difference.getStyleClass().addAll("banner", Status.WARNING.styleClass());
        difference.setGraphic(new FontIcon("fth-git-pull-request"));
        difference.setWrapText(true);
        difference.setMaxWidth(Double.MAX_VALUE);
        difference.managedProperty().bind(difference.visibleProperty());
        problems.setId("gateway-problems");
        VBox bottom = new VBox(6, difference, problems, details());
        VBox.setVgrow(bottom.getChildren().get(2), Priority.ALWAYS);
        SplitPane split = new SplitPane(table(), bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar, problem, split);
        TableSupport.focusOnShortcutF(this, filter);
        vm.detailsProperty().addListener((o, a, d) -> show(d));
        show(vm.detailsProperty().get());
    }

    private TableView<ListenerRow> table() {
        TableView<ListenerRow> table = new TableView<>();
        table.setId("gateway-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(TableSupport.placeholder(vm.placeholderProperty(), "fth-server"));
        table.getColumns().add(TableSupport.status("Status", vm::statusOf, vm::problemCount));
        table.getColumns().add(TableSupport.text("Gateway", ListenerRow::gatewayName, 90));
        table.getColumns().add(TableSupport.text("Listener", ListenerRow::listenerName, 100));
        table.getColumns().add(TableSupport.text("Protocol", ListenerRow::protocol, 65));
        table.getColumns().add(TableSupport.text("Port", ListenerRow::port, 50));
        table.getColumns().add(TableSupport.text("Hostname", ListenerRow::hostname, 165));
        table.getColumns().add(TableSupport.coloured("Certificate", ListenerRow::certificate,
                ListenerRow::certificateStatus, 265));
        table.getColumns().add(TableSupport.text("Routes", r -> r.listener() == null ? "" : String.valueOf(r.attachedRoutes()), 60));
        table.getColumns().add(TableSupport.coloured("Gatehouse", ListenerRow::verdict, ListenerRow::verdictStatus, 240));
        table.getColumns().add(TableSupport.coloured("Controller wrote", ListenerRow::controllerText,
                r -> r.difference().isPresent() ? Status.WARNING : Status.UNKNOWN, 195));
        SortedList<ListenerRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        TableSupport.bindSelection(table, vm.selectedProperty());
        vm.snapshotProperty().addListener((o, a, s) -> table.refresh());
        return table;
    }

    private TabPane details() {
        listenerBox.setId("gateway-listener");
        gatewayBox.setId("gateway-gateway");
        yaml.setId("gateway-yaml");
        Tab listener = new Tab("Listener", TableSupport.padded(listenerBox));
        Tab gateway = new Tab("Gateway", TableSupport.padded(gatewayBox));
        Tab yamlTab = new Tab("YAML", yaml);
        TabPane tabs = new TabPane(listener, gateway, yamlTab);
        tabs.setId("gateway-details");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private void show(GatewayDetails d) {
        listenerBox.getChildren().clear();
        gatewayBox.getChildren().clear();
        problems.getChildren().clear();
        difference.setVisible(d != null && d.difference().isPresent());
        difference.setText(d == null ? "" : d.difference().map(s -> "Status differs: " + s).orElse(""));
        if (d == null) {
            listenerBox.getChildren().add(new Label("Select a listener to see its details."));
            yaml.setText("");
            return;
        }
        d.problems().forEach(p -> problems.getChildren().add(DiagnosticLabel.of(p)));
        listenerBox.getChildren().addAll(heading(d.title()), ConditionGrid.of("gateway-listener-conditions",
                d.listenerConditions()));
        section(listenerBox, "Certificates", "gateway-certificates", d.certificates(), "fth-lock");
        section(listenerBox, "Attached routes", "gateway-routes", d.routes().isEmpty()
                ? List.of("No route is attached to this listener.") : d.routes(), "fth-corner-down-right");
        gatewayBox.getChildren().addAll(heading("Gateway conditions"), ConditionGrid.of("gateway-conditions",
                d.gatewayConditions()));
        section(gatewayBox, "Facts", "gateway-facts", d.facts(), "fth-info");
        yaml.setText(d.yaml());
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        l.setWrapText(true);
        return l;
    }

    private static void section(VBox box, String title, String id, List<String> lines, String icon) {
        if (lines.isEmpty()) {
            return;
        }
        VBox content = new VBox(4);
        content.setId(id);
        for (String line : lines) {
            Label l = new Label(line, new FontIcon(icon));
            l.setWrapText(true);
            content.getChildren().add(l);
        }
        Node h = heading(title);
        box.getChildren().addAll(h, content);
    }
}
