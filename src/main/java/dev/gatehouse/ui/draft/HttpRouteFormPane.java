package dev.gatehouse.ui.draft;

import dev.gatehouse.drafts.HttpRouteForm;
import dev.gatehouse.drafts.HttpRouteForm.BackendRow;
import dev.gatehouse.drafts.HttpRouteForm.ParentRow;
import dev.gatehouse.drafts.HttpRouteForm.RuleRow;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The form side of an HTTPRoute draft: identity, parentRefs, hostnames, rules (path match, https redirect), backendRefs. */
final class HttpRouteFormPane extends ScrollPane {
    private static final String ANY = "(any path)";
    private final HttpRouteFormModel route;

    HttpRouteFormPane(DraftEditorViewModel vm) {
        this.route = vm.route();
        TextField ns = field("route-draft-namespace", "namespace");
        ns.textProperty().bindBidirectional(vm.namespaceProperty());
        TextField name = field("route-draft-name", "name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField hosts = field("route-draft-hostnames", "hostnames, comma-separated (empty: the listener's)");
        hosts.setText(route.hostnamesProperty().get());
        route.hostnamesProperty().addListener((o, a, b) -> {
            if (!hosts.isFocused()) {
                hosts.setText(b);
            }
        });
        hosts.setOnAction(e -> route.hostnamesProperty().set(hosts.getText()));
        hosts.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                route.hostnamesProperty().set(hosts.getText());
            }
        });
        GridPane identity = new GridPane();
        identity.setHgap(10);
        identity.setVgap(6);
        identity.addRow(0, label("Namespace"), ns, label("Name"), name);
        identity.addRow(1, label("Hostnames"), hosts);
        GridPane.setColumnSpan(hosts, 3);
        Label problem = new Label();
        problem.setId("route-draft-form-problem");
        problem.getStyleClass().add("text-danger");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.formProblemProperty());
        problem.visibleProperty().bind(vm.formProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox box = new VBox(12, section("HTTPRoute"), identity, problem, section("Parents (parentRefs)"), parents(),
                section("Rules: path match, redirect to https"), rules(), section("Backends (backendRefs) per rule"),
                backends());
        box.setPadding(new Insets(10));
        setContent(box);
        setFitToWidth(true);
        setId("route-draft-form");
    }

    private VBox parents() {
        TableView<ParentRow> t = table("route-draft-parents", route.parents(), 110);
        t.getColumns().add(text("Namespace", ParentRow::namespace, (r, v) -> new ParentRow(v, r.name(), r.sectionName(), r.port()), route.parents()));
        t.getColumns().add(text("Gateway", ParentRow::name, (r, v) -> new ParentRow(r.namespace(), v, r.sectionName(), r.port()), route.parents()));
        t.getColumns().add(text("Listener (sectionName)", ParentRow::sectionName, (r, v) -> new ParentRow(r.namespace(), r.name(), v, r.port()), route.parents()));
        t.getColumns().add(text("Port", ParentRow::port, (r, v) -> new ParentRow(r.namespace(), r.name(), r.sectionName(), v), route.parents()));
        return withButtons(t, "route-draft-add-parent", "Add parent", route::addParent, () -> route.parents().remove(t.getSelectionModel().getSelectedItem()));
    }

    private VBox rules() {
        TableView<RuleRow> t = table("route-draft-rules", route.rules(), 140);
        TableColumn<RuleRow, String> number = column("Rule", r -> String.valueOf(route.rules().indexOf(r) + 1));
        number.setEditable(false);
        number.setMaxWidth(60);
        t.getColumns().add(number);
        TableColumn<RuleRow, String> type = column("Match type", r -> r.pathType().isEmpty() ? ANY : r.pathType());
        ObservableList<String> types = FXCollections.observableArrayList(HttpRouteForm.PATH_TYPES.stream()
                .map(p -> p.isEmpty() ? ANY : p).toList());
        type.setCellFactory(ComboBoxTableCell.forTableColumn(types));
        type.setOnEditCommit(e -> replace(route.rules(), e.getRowValue(), new RuleRow(ANY.equals(e.getNewValue()) ? ""
                : e.getNewValue(), e.getRowValue().path(), e.getRowValue().httpsRedirect())));
        t.getColumns().add(type);
        t.getColumns().add(text("Path", RuleRow::path, (r, v) -> new RuleRow(r.pathType(), v, r.httpsRedirect()), route.rules()));
        TableColumn<RuleRow, String> redirect = column("Redirect to https", r -> r.httpsRedirect() ? "yes" : "no");
        redirect.setCellFactory(ComboBoxTableCell.forTableColumn("no", "yes"));
        redirect.setOnEditCommit(e -> replace(route.rules(), e.getRowValue(), new RuleRow(e.getRowValue().pathType(),
                e.getRowValue().path(), "yes".equals(e.getNewValue()))));
        t.getColumns().add(redirect);
        return withButtons(t, "route-draft-add-rule", "Add rule", route::addRule,
                () -> route.removeRule(t.getSelectionModel().getSelectedItem()));
    }

    private VBox backends() {
        TableView<BackendRow> t = table("route-draft-backends", route.backends(), 150);
        t.getColumns().add(text("Rule", b -> String.valueOf(b.rule()), (r, v) -> new BackendRow(parse(v, r.rule()), r.name(), r.port(), r.weight()), route.backends()));
        t.getColumns().add(text("Service", BackendRow::name, (r, v) -> new BackendRow(r.rule(), v, r.port(), r.weight()), route.backends()));
        t.getColumns().add(text("Port", BackendRow::port, (r, v) -> new BackendRow(r.rule(), r.name(), v, r.weight()), route.backends()));
        t.getColumns().add(text("Weight", BackendRow::weight, (r, v) -> new BackendRow(r.rule(), r.name(), r.port(), v), route.backends()));
        return withButtons(t, "route-draft-add-backend", "Add backend", route::addBackend,
                () -> route.backends().remove(t.getSelectionModel().getSelectedItem()));
    }

    private static int parse(String v, int fallback) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static <R> TableView<R> table(String id, ObservableList<R> items, double height) {
        TableView<R> t = new TableView<>(items);
        t.setId(id);
        t.setEditable(true);
        t.setPrefHeight(height);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private static <R> VBox withButtons(TableView<R> t, String addId, String addText, Runnable add, Runnable remove) {
        Button plus = new Button(addText, new FontIcon("fth-plus"));
        plus.setId(addId);
        plus.setOnAction(e -> add.run());
        Button minus = new Button("Remove", new FontIcon("fth-trash-2"));
        minus.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        minus.setOnAction(e -> remove.run());
        return new VBox(6, t, new HBox(6, plus, minus));
    }

    private static <R> TableColumn<R, String> text(String title, Function<R, String> get, BiFunction<R, String, R> with,
                                                    ObservableList<R> list) {
        TableColumn<R, String> c = column(title, get);
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> replace(list, e.getRowValue(), with.apply(e.getRowValue(), e.getNewValue() == null ? "" : e.getNewValue())));
        return c;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> get) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(get.apply(cd.getValue())));
        c.setEditable(true);
        return c;
    }

    private static <R> void replace(ObservableList<R> list, R old, R now) {
        int i = list.indexOf(old);
        if (i >= 0) {
            list.set(i, now);
        }
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }
}
