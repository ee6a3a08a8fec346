package dev.gatehouse.ui.route;

import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.TableSupport;
import dev.gatehouse.ui.common.YamlArea;
import dev.gatehouse.ui.common.diagnostics.DiagnosticLabel;
import dev.gatehouse.ui.common.gateway.ConditionGrid;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** HTTPRoutes (and GRPCRoutes, TLSRoutes): the live table on top; the selected route's parents, rules and YAML below. */
public final class RoutesView extends VBox {
    private final RoutesViewModel vm;
    private final VBox parentsBox = new VBox(8);
    private final TreeView<String> rulesTree = new TreeView<>();
    private final YamlArea yaml = new YamlArea(false);
    private final VBox problems = new VBox(4);
    private final Label difference = new Label();

    public RoutesView(RoutesViewModel vm) {
        this(vm, null);
    }

    /** @param editAsDraft opens the selected route as a draft (null: no such button) */
    public RoutesView(RoutesViewModel vm, java.util.function.Consumer<dev.gatehouse.routing.input.ObjectRef> editAsDraft) {
        this.vm = vm;
        setId("screen-httproutes");
        getStyleClass().add("screen");

        Label title = new Label("HTTPRoutes");
        title.getStyleClass().add("title-3");
        Label also = new Label("with GRPCRoutes and TLSRoutes");
        also.getStyleClass().add("text-muted");
        TextField filter = TableSupport.filterField("route-filter", "Filter by any column (Ctrl+F)");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Label count = new Label();
        count.setId("route-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(vm.countProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(title, also, spacer, count, filter);
        if (editAsDraft != null) {
            javafx.scene.control.Button draft = new javafx.scene.control.Button("Edit as draft", new FontIcon("fth-edit-3"));
            draft.setId("route-edit-draft");
            draft.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> vm.selectedProperty().get() == null || "GRPCRoute".equals(vm.selectedProperty().get().kind()),
                    vm.selectedProperty()));
            draft.setOnAction(e -> editAsDraft.accept(vm.selectedProperty().get().ref()));
            toolbar.getChildren().add(draft);
        }
        toolbar.getStyleClass().add("table-toolbar");
        Label problem = TableSupport.problemBanner("route-problem", vm.problemProperty());

        difference.setId("route-difference");
        difference.getStyleClass().addAll("banner", Status.WARNING.styleClass());
        difference.setGraphic(new FontIcon("fth-git-pull-request"));
        difference.setWrapText(true);
        difference.setMaxWidth(Double.MAX_VALUE);
        difference.managedProperty().bind(difference.visibleProperty());
        problems.setId("route-problems");
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

    private TableView<RouteRow> table() {
        TableView<RouteRow> table = new TableView<>();
        table.setId("route-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(TableSupport.placeholder(vm.placeholderProperty(), "fth-git-branch"));
        table.getColumns().add(TableSupport.status("Status", vm::statusOf, vm::problemCount));
        table.getColumns().add(TableSupport.text("Kind", RouteRow::kind, 95));
        table.getColumns().add(TableSupport.text("Route", r -> r.namespace() + "/" + r.name(), 140));
        table.getColumns().add(TableSupport.text("Hostnames", RouteRow::hostnames, 185));
        table.getColumns().add(TableSupport.text("Parents", RouteRow::parents, 210));
        table.getColumns().add(TableSupport.text("Rules", r -> String.valueOf(r.rules()), 50));
        table.getColumns().add(TableSupport.text("Backends", RouteRow::backends, 160));
        table.getColumns().add(TableSupport.coloured("Gatehouse", RouteRow::verdict, RouteRow::verdictStatus, 250));
        table.getColumns().add(TableSupport.coloured("Controller wrote", RouteRow::controllerText,
                r -> r.difference().isPresent() ? Status.WARNING : Status.UNKNOWN, 140));
        SortedList<RouteRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        TableSupport.bindSelection(table, vm.selectedProperty());
        vm.snapshotProperty().addListener((o, a, s) -> table.refresh());
        return table;
    }

    private TabPane details() {
        parentsBox.setId("route-parents");
        rulesTree.setId("route-rules");
        rulesTree.setShowRoot(false);
        yaml.setId("route-yaml");
        TabPane tabs = new TabPane(new Tab("Parents", TableSupport.padded(parentsBox)), new Tab("Rules", rulesTree),
                new Tab("YAML", yaml));
        tabs.setId("route-details");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private void show(RouteDetails d) {
        parentsBox.getChildren().clear();
        problems.getChildren().clear();
        difference.setVisible(d != null && d.difference().isPresent());
        difference.setText(d == null ? "" : d.difference().map(s -> "Status differs: " + s).orElse(""));
        TreeItem<String> root = new TreeItem<>();
        rulesTree.setRoot(root);
        if (d == null) {
            parentsBox.getChildren().add(new Label("Select a route to see its parents, rules and YAML."));
            yaml.setText("");
            return;
        }
        d.problems().forEach(p -> problems.getChildren().add(DiagnosticLabel.of(p)));
        if (d.parents().isEmpty()) {
            parentsBox.getChildren().add(new Label("No parentRefs: no Gateway serves this route."));
        }
        int i = 0;
        for (RouteDetails.Parent p : d.parents()) {
            Label title = new Label(p.title(), new FontIcon("fth-server"));
            title.getStyleClass().add("title-4");
            Label attached = new Label(p.attachedTo());
            attached.getStyleClass().add("text-muted");
            parentsBox.getChildren().addAll(title, attached, ConditionGrid.of("route-parent-" + i++, p.conditions()));
        }
        for (RuleLine rule : d.rules()) {
            TreeItem<String> r = new TreeItem<>(rule.title(), new FontIcon("fth-list"));
            rule.matches().forEach(m -> r.getChildren().add(new TreeItem<>("match " + m, new FontIcon("fth-filter"))));
            rule.filters().forEach(f -> r.getChildren().add(new TreeItem<>("filter " + f, new FontIcon("fth-sliders"))));
            rule.backends().forEach(b -> r.getChildren().add(new TreeItem<>("→ " + b.text(),
                    new FontIcon(b.valid() ? "fth-corner-down-right" : "fth-x-circle"))));
            r.setExpanded(true);
            root.getChildren().add(r);
        }
        if (root.getChildren().isEmpty()) {
            root.getChildren().add(new TreeItem<>("No rules."));
        }
        yaml.setText(d.yaml());
    }
}
