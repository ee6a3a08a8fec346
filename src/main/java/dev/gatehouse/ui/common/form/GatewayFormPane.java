package dev.gatehouse.ui.common.form;

import static dev.gatehouse.ui.common.form.FormWidgets.choiceColumn;
import static dev.gatehouse.ui.common.form.FormWidgets.field;
import static dev.gatehouse.ui.common.form.FormWidgets.label;
import static dev.gatehouse.ui.common.form.FormWidgets.section;
import static dev.gatehouse.ui.common.form.FormWidgets.table;
import static dev.gatehouse.ui.common.form.FormWidgets.textColumn;
import static dev.gatehouse.ui.common.form.FormWidgets.withButtons;

import dev.gatehouse.drafts.GatewayForm;
import dev.gatehouse.drafts.GatewayForm.ListenerRow;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The form side of a Gateway draft: identity, GatewayClass, listeners (protocol, port, hostname, TLS, routes from). */
public final class GatewayFormPane extends ScrollPane {
    private static final String UNSET = "(default)";
    private final GatewayFormModel gateway;

    public GatewayFormPane(DraftEditorViewModel vm) {
        this.gateway = vm.gateway();
        TextField ns = field("gateway-draft-namespace", "namespace");
        ns.textProperty().bindBidirectional(vm.namespaceProperty());
        TextField name = field("gateway-draft-name", "name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField cls = field("gateway-draft-class", "GatewayClass name");
        cls.textProperty().bindBidirectional(gateway.gatewayClassProperty());
        GridPane identity = new GridPane();
        identity.setHgap(10);
        identity.setVgap(6);
        identity.addRow(0, label("Namespace"), ns, label("Name"), name, label("GatewayClass"), cls);
        Label problem = FormWidgets.problem("gateway-draft-form-problem", vm.formProblemProperty());
        Label hint = new Label("Certificates: Secret names, or namespace/name for a Secret in another namespace (it then"
                + " needs a ReferenceGrant there). Hostname empty = every host. Addresses, spec.tls and other fields"
                + " stay as the YAML has them.");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox box = new VBox(12, section("Gateway"), identity, problem, section("Listeners"), listeners(), hint);
        box.setPadding(new Insets(10));
        setContent(box);
        setFitToWidth(true);
        setId("gateway-draft-form");
    }

    private VBox listeners() {
        ObservableList<ListenerRow> rows = gateway.listeners();
        TableView<ListenerRow> t = table("gateway-draft-listeners", rows, 220);
        t.getColumns().add(textColumn("Name", ListenerRow::name, (r, v) -> new ListenerRow(v, r.protocol(), r.port(),
                r.hostname(), r.tlsMode(), r.certificates(), r.routesFrom()), rows));
        t.getColumns().add(choiceColumn("Protocol", ListenerRow::protocol, (r, v) -> new ListenerRow(r.name(), v,
                r.port(), r.hostname(), r.tlsMode(), r.certificates(), r.routesFrom()), rows,
                FXCollections.observableArrayList(GatewayForm.PROTOCOLS)));
        t.getColumns().add(textColumn("Port", ListenerRow::port, (r, v) -> new ListenerRow(r.name(), r.protocol(), v,
                r.hostname(), r.tlsMode(), r.certificates(), r.routesFrom()), rows));
        t.getColumns().add(textColumn("Hostname", ListenerRow::hostname, (r, v) -> new ListenerRow(r.name(),
                r.protocol(), r.port(), v, r.tlsMode(), r.certificates(), r.routesFrom()), rows));
        t.getColumns().add(choiceColumn("TLS mode", r -> shown(r.tlsMode()), (r, v) -> new ListenerRow(r.name(),
                r.protocol(), r.port(), r.hostname(), unshown(v), r.certificates(), r.routesFrom()), rows,
                choices(GatewayForm.TLS_MODES)));
        t.getColumns().add(textColumn("Certificates", ListenerRow::certificates, (r, v) -> new ListenerRow(r.name(),
                r.protocol(), r.port(), r.hostname(), r.tlsMode(), v, r.routesFrom()), rows));
        t.getColumns().add(choiceColumn("Routes from", r -> shown(r.routesFrom()), (r, v) -> new ListenerRow(r.name(),
                r.protocol(), r.port(), r.hostname(), r.tlsMode(), r.certificates(), unshown(v)), rows,
                choices(GatewayForm.ROUTES_FROM)));
        double[] widths = {110, 85, 60, 230, 105, 190, 105};
        for (int i = 0; i < widths.length; i++) {
            t.getColumns().get(i).setMinWidth(widths[i] * 0.8);
            t.getColumns().get(i).setPrefWidth(widths[i]);
        }
        return withButtons(t, "gateway-draft-add-listener", "Add listener", gateway::addListener,
                () -> rows.remove(t.getSelectionModel().getSelectedItem()));
    }

    private static ObservableList<String> choices(List<String> values) {
        return FXCollections.observableArrayList(values.stream().map(GatewayFormPane::shown).toList());
    }

    private static String shown(String value) {
        return value.isEmpty() ? UNSET : value;
    }

    private static String unshown(String value) {
        return UNSET.equals(value) ? "" : value;
    }
}
