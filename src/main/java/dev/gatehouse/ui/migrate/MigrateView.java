package dev.gatehouse.ui.migrate;

import dev.gatehouse.migrate.ConversionNote;
import dev.gatehouse.migrate.Difference;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.Tooltip;
import dev.gatehouse.ui.common.Dialogs;
import java.util.List;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Migrate screen: pick Ingresses (names, a namespace, a class; empty = all) and a Gateway, press Migrate,
 * and see the generated YAML, the conversion notes annotation by annotation and the behavioural diff; a
 * differing row shows ingress-nginx's and the Gateway's explanations side by side.
 */
public final class MigrateView extends BorderPane {

    public MigrateView(MigrateViewModel vm) {
        setId("screen-migrate");
        TextField names = field("migrate-ingresses", "ns/name, ns/other (empty = all)", vm.ingressesProperty());
        TextField namespace = field("migrate-namespace", "namespace", vm.namespaceProperty());
        TextField cls = field("migrate-class", "ingress class", vm.ingressClassProperty());
        TextField gateway = field("migrate-gateway", "new or existing Gateway (ns/name)", vm.gatewayProperty());
        Button run = new Button("Migrate");
        run.setId("migrate-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> vm.migrate());
        HBox.setHgrow(names, Priority.ALWAYS);
        Label ingressesLabel = new Label("Ingresses");
        Label gatewayLabel = new Label("Gateway");
        for (javafx.scene.control.Control c : List.of(ingressesLabel, gatewayLabel, run)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox pick = new HBox(6, ingressesLabel, names, namespace, cls, gatewayLabel, gateway, run);
        pick.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        gateway.setPrefColumnCount(22);
        Label status = new Label();
        status.setId("migrate-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        vm.resultProperty().addListener((o, a, r) -> status.setStyle(r != null && r.diff().identical()
                ? "-fx-text-fill: green; -fx-font-weight: bold;" : ""));
        Label replaced = new Label();
        replaced.setId("migrate-replaced");
        replaced.setWrapText(true);
        vm.resultProperty().addListener((o, a, r) -> replaced.setText(r == null ? "" : "The new routes replace "
                + String.join(", ", vm.replaced()) + " (those Ingresses stay untouched)."));
        VBox top = new VBox(6, pick, status, replaced, draftBar(vm), reminder(vm));
        top.setPadding(new Insets(8));
        setTop(top);

        TextArea yaml = new TextArea();
        yaml.setId("migrate-yaml");
        yaml.setEditable(false);
        yaml.setStyle("-fx-font-family: monospace;");
        yaml.textProperty().bind(vm.yamlProperty());

        TableView<ConversionNote> notes = new TableView<>(vm.notes());
        notes.setId("migrate-notes");
        notes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        notes.getColumns().add(column("Ingress", n -> n.source().path()));
        notes.getColumns().add(column("Annotation", ConversionNote::annotation));
        notes.getColumns().add(column("Value", ConversionNote::value));
        notes.getColumns().add(column("What became of it", MigrateViewModel::describe));

        SplitPane diffPane = diffPane(vm.differences(), "migrate-diff", "migrate-explanations",
                "Pick Ingresses (empty = every one) and press Migrate: each request that behaves differently becomes a row.");

        TabPane tabs = new TabPane(tab("Behavioural diff", diffPane), tab("Conversion notes", notes),
                tab("Generated YAML", yaml), tab("Edit objects", new MigrateEditPane(vm)), tab("Drafts", draftsPane(vm)), tab("Side by side", servePane(vm)));
        tabs.setId("migrate-tabs");
        setCenter(tabs);
    }

    /** Differing requests (one row each) above both explanations of the selected one. */
    private SplitPane diffPane(javafx.collections.ObservableList<Difference> rows, String tableId, String textId,
                               String empty) {
        TableView<Difference> diff = new TableView<>(rows);
        diff.setId(tableId);
        diff.setPlaceholder(new Label(empty));
        diff.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        diff.getColumns().add(this.<Difference>column("Request", d -> d.probe().request().scheme() + "://"
                + d.probe().request().host() + d.probe().request().path()));
        diff.getColumns().add(this.<Difference>column("Probes", d -> d.probe().purpose().label()));
        diff.getColumns().add(this.<Difference>column("Explained", d -> d.explained() ? "yes" : "unexplained"));
        diff.getColumns().get(0).setPrefWidth(250);
        diff.getColumns().get(1).setPrefWidth(170);
        diff.getColumns().get(2).setPrefWidth(90);
        diff.getColumns().add(column("Difference", Difference::summary));
        diff.getColumns().get(3).setPrefWidth(420);
        TextArea both = new TextArea();
        both.setId(textId);
        both.setEditable(false);
        both.setWrapText(true);
        diff.getSelectionModel().selectedItemProperty().addListener((o, a, d) ->
                both.setText(d == null ? "" : MigrateViewModel.explain(d)));
        SplitPane pane = new SplitPane(diff, both);
        pane.setOrientation(javafx.geometry.Orientation.VERTICAL);
        return pane;
    }

    /** Serve both: the two proxies' ports, the replay's progress, and the diff of the real responses. */
    private VBox servePane(MigrateViewModel vm) {
        MigrateServing serving = vm.serving();
        Button serve = new Button("Serve both", new FontIcon("fth-play"));
        serve.setId("migrateServeBoth");
        serve.disableProperty().bind(vm.resultProperty().isNull().or(serving.runningProperty()));
        serve.setOnAction(e -> vm.serveBoth());
        serve.setTooltip(new Tooltip("Starts the Ingresses and the migration's objects (the drafts, once saved) on two"
                + " local proxies with stand-in echo backends and replays every request of the diff through both"));
        Button cancel = new Button("Cancel replay", new FontIcon("fth-x"));
        cancel.setId("migrate-serve-cancel");
        cancel.disableProperty().bind(serving.runningProperty().not());
        cancel.setOnAction(e -> serving.cancel());
        Button stop = new Button("Stop serving", new FontIcon("fth-square"));
        stop.setId("migrateStopServing");
        stop.disableProperty().bind(serving.servingProperty().not());
        stop.setOnAction(e -> serving.stop());
        javafx.scene.control.ProgressBar progress = new javafx.scene.control.ProgressBar();
        progress.setId("migrate-serve-progress");
        progress.progressProperty().bind(serving.progressProperty());
        progress.visibleProperty().bind(serving.runningProperty());
        for (Button b : List.of(serve, cancel, stop)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(6, serve, cancel, stop, progress);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("migrate-serve-status");
        status.setWrapText(true);
        status.textProperty().bind(serving.statusProperty());
        TextField ports = new TextField();
        ports.setId("migrate-serve-ports");
        ports.setEditable(false);
        ports.setPromptText("not serving");
        ports.textProperty().bind(serving.portsProperty());
        Label note = new Label("The backends are stand-in echo servers (one per Service port, answering with the"
                + " Service, path, Host and TLS they received), not your Pods.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        SplitPane diff = diffPane(serving.differences(), "migrate-real-diff", "migrate-real-explanations",
                "Serve both replays the requests through both proxies; each real response that differs becomes a row.");
        VBox box = new VBox(6, bar, status, ports, note, diff);
        box.setPadding(new Insets(6));
        VBox.setVgrow(diff, Priority.ALWAYS);
        return box;
    }

    /** Save as drafts, Re-run diff, Apply…, and which objects (drafts, versions) the diff shown compared. */
    private HBox draftBar(MigrateViewModel vm) {
        Button save = new Button("Save as drafts", new FontIcon("fth-save"));
        save.setId("migrateSaveDrafts");
        save.disableProperty().bind(vm.resultProperty().isNull());
        save.setOnAction(e -> {
            List<String> edited = vm.editedDrafts();
            if (edited.isEmpty() || Dialogs.confirm(getScene().getWindow(), "Replace the edited drafts?",
                    "Saving puts the generated objects back into these drafts, and your edits in them are lost:\n"
                            + String.join("\n", edited), "Replace")) {
                vm.saveAsDrafts();
            }
        });
        Button rerun = new Button("Re-run diff", new FontIcon("fth-refresh-cw"));
        rerun.setId("migrateRerun");
        rerun.disableProperty().bind(vm.resultProperty().isNull());
        rerun.setOnAction(e -> vm.rerun());
        Button apply = new Button("Apply…", new FontIcon("fth-upload-cloud"));
        apply.setId("migrateApply");
        apply.disableProperty().bind(vm.savedProperty().not());
        apply.setOnAction(e -> vm.applyNext());
        apply.setTooltip(new Tooltip("Applies the next draft of this migration through the Drafts screen: dry run, "
                + "diff, backup, conflict check, undo"));
        Label from = new Label();
        from.setId("migrate-draft-versions");
        from.setWrapText(true);
        from.getStyleClass().add("text-muted");
        from.textProperty().bind(vm.diffFromProperty());
        HBox.setHgrow(from, Priority.ALWAYS);
        for (Button b : List.of(save, rerun, apply)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Button all = new Button("Apply all…", new FontIcon("fth-upload-cloud"));
        all.setId("migrateApplyAll");
        all.disableProperty().bind(vm.resultProperty().isNull());
        all.setOnAction(e -> vm.prepareApplyAll().thenAccept(plan -> {
            if (plan != null && plan.ok() && Dialogs.confirm(getScene().getWindow(), "Apply all objects of this migration?",
                    vm.applyAllSummary(plan), "Apply all")) {
                vm.applyAll(plan);
            }
        }));
        all.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, save, rerun, apply, all, from);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    private static Label reminder(MigrateViewModel vm) {
        Label l = new Label();
        l.setId("migrate-reminder");
        l.setWrapText(true);
        l.getStyleClass().addAll("banner", dev.gatehouse.ui.common.Status.WARNING.styleClass());
        l.textProperty().bind(vm.reminderProperty());
        l.visibleProperty().bind(vm.reminderProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** The Drafts tab: the table and a button to open the selected draft where it is edited and applied. */
    private VBox draftsPane(MigrateViewModel vm) {
        TableView<MigrateDrafts.Row> table = draftTable(vm);
        Button open = new Button("Open on the Drafts screen", new FontIcon("fth-edit-3"));
        open.setId("migrate-open-draft");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> vm.openDraft(table.getSelectionModel().getSelectedItem().draftId()));
        VBox box = new VBox(6, table, open);
        box.setPadding(new Insets(6));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** The migration's drafts: object, version, applied or not; double-click opens one on the Drafts screen. */
    private TableView<MigrateDrafts.Row> draftTable(MigrateViewModel vm) {
        TableView<MigrateDrafts.Row> t = new TableView<>(vm.draftRows());
        t.setId("migrate-drafts");
        t.setPlaceholder(new Label("Save as drafts keeps every generated object as a draft (Drafts screen), "
                + "where you edit and apply it."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(column("Draft", MigrateDrafts.Row::object));
        t.getColumns().add(column("Version", MigrateDrafts.Row::version));
        t.getColumns().add(column("State", MigrateDrafts.Row::state));
        t.setRowFactory(tv -> {
            javafx.scene.control.TableRow<MigrateDrafts.Row> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.openDraft(row.getItem().draftId());
                }
            });
            return row;
        });
        return t;
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(220);
        return c;
    }
}
