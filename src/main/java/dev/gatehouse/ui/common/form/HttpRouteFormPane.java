package dev.gatehouse.ui.common.form;

import static dev.gatehouse.ui.common.form.FormWidgets.column;
import static dev.gatehouse.ui.common.form.FormWidgets.field;
import static dev.gatehouse.ui.common.form.FormWidgets.label;
import static dev.gatehouse.ui.common.form.FormWidgets.replace;
import static dev.gatehouse.ui.common.form.FormWidgets.section;
import static dev.gatehouse.ui.common.form.FormWidgets.table;
import static dev.gatehouse.ui.common.form.FormWidgets.textColumn;
import static dev.gatehouse.ui.common.form.FormWidgets.withButtons;

import dev.gatehouse.drafts.HttpRouteForm;
import dev.gatehouse.drafts.HttpRouteForm.BackendRow;
import dev.gatehouse.drafts.HttpRouteForm.ParentRow;
import dev.gatehouse.drafts.HttpRouteForm.RuleRow;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The form side of an HTTPRoute draft: identity, parentRefs, hostnames, rules (path match, https redirect), backendRefs. */
public final class HttpRouteFormPane extends ScrollPane {
    private static final String ANY = "(any path)";
    private final HttpRouteFormModel route;

    public HttpRouteFormPane(DraftEditorViewModel vm) {
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
        Label problem = FormWidgets.problem("route-draft-form-problem", vm.formProblemProperty());
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
        t.getColumns().add(textColumn("Namespace", ParentRow::namespace, (r, v) -> new ParentRow(v, r.name(), r.sectionName(), r.port()), route.parents()));
        t.getColumns().add(textColumn("Gateway", ParentRow::name, (r, v) -> new ParentRow(r.namespace(), v, r.sectionName(), r.port()), route.parents()));
        t.getColumns().add(textColumn("Listener (sectionName)", ParentRow::sectionName, (r, v) -> new ParentRow(r.namespace(), r.name(), v, r.port()), route.parents()));
        t.getColumns().add(textColumn("Port", ParentRow::port, (r, v) -> new ParentRow(r.namespace(), r.name(), r.sectionName(), v), route.parents()));
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
        t.getColumns().add(textColumn("Path", RuleRow::path, (r, v) -> new RuleRow(r.pathType(), v, r.httpsRedirect()), route.rules()));
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
        t.getColumns().add(textColumn("Rule", b -> String.valueOf(b.rule()), (r, v) -> new BackendRow(parse(v, r.rule()), r.name(), r.port(), r.weight()), route.backends()));
        t.getColumns().add(textColumn("Service", BackendRow::name, (r, v) -> new BackendRow(r.rule(), v, r.port(), r.weight()), route.backends()));
        t.getColumns().add(textColumn("Port", BackendRow::port, (r, v) -> new BackendRow(r.rule(), r.name(), v, r.weight()), route.backends()));
        t.getColumns().add(textColumn("Weight", BackendRow::weight, (r, v) -> new BackendRow(r.rule(), r.name(), r.port(), v), route.backends()));
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
}
