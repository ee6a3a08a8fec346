package dev.gatehouse.ui.draft;

import dev.gatehouse.ui.common.form.DraftEditorViewModel;
import static dev.gatehouse.ui.common.form.FormWidgets.choice;
import static dev.gatehouse.ui.common.form.FormWidgets.column;
import static dev.gatehouse.ui.common.form.FormWidgets.field;
import static dev.gatehouse.ui.common.form.FormWidgets.label;
import static dev.gatehouse.ui.common.form.FormWidgets.replace;
import static dev.gatehouse.ui.common.form.FormWidgets.section;
import static dev.gatehouse.ui.common.form.FormWidgets.textColumn;

import dev.gatehouse.drafts.IngressForm.PathRow;
import dev.gatehouse.drafts.IngressForm.TlsRow;
import dev.gatehouse.drafts.NginxAnnotationFields;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The form side of a draft: identity, host/path → backend rows, TLS entries, typed annotations. */
final class DraftFormPane extends ScrollPane {
    private static final String DEFAULT = "(controller default)";
    private final DraftEditorViewModel vm;
    private final ChoiceBox<String> sslRedirect = choice("draft-ssl-redirect", DEFAULT, "true", "false");
    private final ChoiceBox<String> backendProtocol = choice("draft-backend-protocol", DEFAULT, "HTTP", "HTTPS", "GRPC",
            "GRPCS", "AUTO_HTTP", "FCGI");
    private final ChoiceBox<String> proxySslVerify = choice("draft-proxy-ssl-verify", DEFAULT, "on", "off");
    private final ChoiceBox<String> verifyClient = choice("draft-auth-tls-verify-client", DEFAULT, "on", "optional",
            "optional_no_ca", "off");
    private final TextField proxySslSecret = field("draft-proxy-ssl-secret", "namespace/secret with ca.crt");
    private final TextField authTlsSecret = field("draft-auth-tls-secret", "namespace/secret with ca.crt");
    private final TextField rewriteTarget = field("draft-rewrite-target", "e.g. /$1");
    private boolean updating;

    DraftFormPane(DraftEditorViewModel vm, ObservableList<String> services, ObservableList<String> classes) {
        this.vm = vm;
        TextField ns = field("draft-namespace", "namespace");
        ns.textProperty().bindBidirectional(vm.namespaceProperty());
        TextField name = field("draft-name", "name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        javafx.scene.control.ComboBox<String> cls = new javafx.scene.control.ComboBox<>(classes);
        cls.setId("draft-class");
        cls.setEditable(true);
        cls.valueProperty().bindBidirectional(vm.ingressClassProperty());

        GridPane identity = new GridPane();
        identity.setHgap(10);
        identity.setVgap(6);
        identity.addRow(0, label("Namespace"), ns, label("Name"), name, label("Class"), cls);

        VBox box = new VBox(12, section("Ingress"), identity, section("Rules: host and path → Service:port"),
                pathsTable(services), section("TLS"), tlsTable(), section("ingress-nginx annotations"), annotationsGrid());
        box.setPadding(new Insets(10));
        setContent(box);
        setFitToWidth(true);
        setId("draft-form");
        vm.annotationsProperty().addListener((o, a, b) -> showAnnotations(b));
        showAnnotations(vm.annotationsProperty().get());
    }

    private VBox pathsTable(ObservableList<String> services) {
        TableView<PathRow> t = new TableView<>(vm.paths());
        t.setId("draft-paths");
        t.setEditable(true);
        t.setPrefHeight(170);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(textColumn("Host", PathRow::host, (r, v) -> new PathRow(v, r.path(), r.pathType(), r.service(), r.port()), vm.paths()));
        t.getColumns().add(textColumn("Path", PathRow::path, (r, v) -> new PathRow(r.host(), v, r.pathType(), r.service(), r.port()), vm.paths()));
        TableColumn<PathRow, String> type = column("Path type", PathRow::pathType);
        type.setCellFactory(ComboBoxTableCell.forTableColumn("Prefix", "Exact", "ImplementationSpecific"));
        type.setOnEditCommit(e -> replace(vm.paths(), e.getRowValue(), new PathRow(e.getRowValue().host(), e.getRowValue().path(),
                e.getNewValue(), e.getRowValue().service(), e.getRowValue().port())));
        t.getColumns().add(type);
        TableColumn<PathRow, String> svc = column("Service", PathRow::service);
        svc.setCellFactory(col -> {
            ComboBoxTableCell<PathRow, String> cell = new ComboBoxTableCell<>(services);
            cell.setComboBoxEditable(true);
            return cell;
        });
        svc.setOnEditCommit(e -> replace(vm.paths(), e.getRowValue(), new PathRow(e.getRowValue().host(), e.getRowValue().path(),
                e.getRowValue().pathType(), e.getNewValue(), e.getRowValue().port())));
        t.getColumns().add(svc);
        t.getColumns().add(textColumn("Port", PathRow::port, (r, v) -> new PathRow(r.host(), r.path(), r.pathType(), r.service(), v), vm.paths()));
        Button add = new Button("Add path", new FontIcon("fth-plus"));
        add.setId("draft-add-path");
        add.setOnAction(e -> vm.addPath());
        Button remove = new Button("Remove path", new FontIcon("fth-trash-2"));
        remove.setId("draft-remove-path");
        remove.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.paths().remove(t.getSelectionModel().getSelectedItem()));
        return new VBox(6, t, new HBox(6, add, remove));
    }

    private VBox tlsTable() {
        TableView<TlsRow> t = new TableView<>(vm.tls());
        t.setId("draft-tls");
        t.setEditable(true);
        t.setPrefHeight(110);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(textColumn("Hosts (comma-separated)", r -> String.join(", ", r.hosts()),
                (r, v) -> new TlsRow(Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                        r.secretName()), vm.tls()));
        t.getColumns().add(textColumn("Secret", TlsRow::secretName, (r, v) -> new TlsRow(r.hosts(), v), vm.tls()));
        Button add = new Button("Add TLS entry", new FontIcon("fth-lock"));
        add.setId("draft-add-tls");
        add.setOnAction(e -> vm.addTls());
        Button remove = new Button("Remove TLS entry", new FontIcon("fth-trash-2"));
        remove.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.tls().remove(t.getSelectionModel().getSelectedItem()));
        return new VBox(6, t, new HBox(6, add, remove));
    }

    private GridPane annotationsGrid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.addRow(0, label("ssl-redirect"), sslRedirect, label("backend-protocol"), backendProtocol);
        g.addRow(1, label("proxy-ssl-secret"), proxySslSecret, label("proxy-ssl-verify"), proxySslVerify);
        g.addRow(2, label("auth-tls-secret"), authTlsSecret, label("auth-tls-verify-client"), verifyClient);
        g.addRow(3, label("rewrite-target"), rewriteTarget);
        for (ChoiceBox<String> c : List.of(sslRedirect, backendProtocol, proxySslVerify, verifyClient)) {
            c.valueProperty().addListener((o, a, b) -> pushAnnotations());
        }
        for (TextField f : List.of(proxySslSecret, authTlsSecret, rewriteTarget)) {
            f.focusedProperty().addListener((o, a, focused) -> {
                if (!focused) {
                    pushAnnotations();
                }
            });
            f.setOnAction(e -> pushAnnotations());
        }
        return g;
    }

    private void pushAnnotations() {
        if (updating) {
            return;
        }
        NginxAnnotationFields cur = vm.annotationsProperty().get();
        vm.annotationsProperty().set(new NginxAnnotationFields(val(sslRedirect).map(Boolean::parseBoolean), cur.forceSslRedirect(),
                val(backendProtocol), text(proxySslSecret), val(proxySslVerify).map("on"::equals), text(authTlsSecret),
                val(verifyClient), text(rewriteTarget), cur.useRegex()));
    }

    private void showAnnotations(NginxAnnotationFields a) {
        updating = true;
        try {
            sslRedirect.setValue(a.sslRedirect().map(String::valueOf).orElse(DEFAULT));
            backendProtocol.setValue(a.backendProtocol().orElse(DEFAULT));
            proxySslVerify.setValue(a.proxySslVerify().map(v -> v ? "on" : "off").orElse(DEFAULT));
            verifyClient.setValue(a.authTlsVerifyClient().orElse(DEFAULT));
            proxySslSecret.setText(a.proxySslSecret().orElse(""));
            authTlsSecret.setText(a.authTlsSecret().orElse(""));
            rewriteTarget.setText(a.rewriteTarget().orElse(""));
        } finally {
            updating = false;
        }
    }

    private static Optional<String> val(ChoiceBox<String> c) {
        return c.getValue() == null || DEFAULT.equals(c.getValue()) ? Optional.empty() : Optional.of(c.getValue());
    }

    private static Optional<String> text(TextField f) {
        return f.getText() == null || f.getText().isBlank() ? Optional.empty() : Optional.of(f.getText().trim());
    }
}
