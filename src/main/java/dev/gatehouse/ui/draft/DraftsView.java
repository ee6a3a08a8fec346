package dev.gatehouse.ui.draft;

import dev.gatehouse.ui.common.form.DraftEditorViewModel;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.drafts.DraftState;
import dev.gatehouse.drafts.DraftTemplate;
import dev.gatehouse.ui.common.Dialogs;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.StatusBadge;
import dev.gatehouse.ui.common.YamlArea;
import dev.gatehouse.ui.common.form.GatewayFormPane;
import dev.gatehouse.ui.common.form.HttpRouteFormPane;
import dev.gatehouse.ui.common.diagnostics.DiagnosticLabel;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Drafts: the saved drafts on the left, the open draft (form, YAML, comparison, problems, apply) on the right. */
public final class DraftsView extends SplitPane {
    private final DraftsViewModel vm;
    private final ReadOnlyObjectProperty<ClusterSession> session;
    private final StackPane editorHolder = new StackPane();
    private final VBox problems = new VBox(4);
    private final Consumer<DraftEditorViewModel> serve;

    public DraftsView(DraftsViewModel vm, ReadOnlyObjectProperty<ClusterSession> session,
                      Consumer<DraftEditorViewModel> serve) {
        this.vm = vm;
        this.serve = serve;
        this.session = session;
        setId("screen-drafts");
        getItems().addAll(list(), editorHolder);
        setDividerPositions(0.27);
        vm.editorProperty().addListener((o, a, e) -> showEditor(e));
        showEditor(vm.editorProperty().get());
        vm.diagnostics().addListener((javafx.beans.Observable o) -> fillProblems());
    }

    private VBox list() {
        MenuButton create = new MenuButton("New draft", new FontIcon("fth-plus"));
        create.setId("draft-new");
        for (DraftTemplate t : DraftTemplate.values()) {
            MenuItem item = new MenuItem(t.label());
            item.setId("draft-template-" + t.name().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> NewDraftDialog.ask(getScene().getWindow(), t, session.get())
                    .ifPresent(a -> vm.create(t, a.namespace(), a.name(), a.host(), a.service(), a.gatewayNamespace(),
                            a.gatewayName())));
            if (t == DraftTemplate.HTTPROUTE) {
                create.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            }
            create.getItems().add(item);
        }
        Button discard = new Button("Discard", new FontIcon("fth-trash-2"));
        discard.setId("draft-discard");
        discard.disableProperty().bind(vm.selectedProperty().isNull());
        discard.setOnAction(e -> vm.discardSelected());
        ListView<DraftItem> list = new ListView<>(vm.items());
        list.setId("drafts-list");
        list.setPlaceholder(new Label("No drafts yet.\nOpen an Ingress, HTTPRoute or Gateway\nas a draft, or create one from a template."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DraftItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                StatusBadge badge = new StatusBadge();
                badge.show(statusOf(item.state()), item.state().label());
                Label name = new Label(item.draft().displayName());
                Label problems = new Label(item.problemsText());
                problems.getStyleClass().add("text-muted");
                VBox box = new VBox(4, name, badge, problems);
                setGraphic(box);
                setText(null);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            DraftItem open = vm.selectedProperty().get();
            // A new entry of the open draft (its state was checked again) is not a new selection: keep the editor.
            if (item != null && item != open && (open == null || !open.draft().id().equals(item.draft().id()))) {
                vm.selectedProperty().set(item);
            }
        });
        vm.selectedProperty().addListener((o, a, item) -> {
            if (item != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(item);
            }
        });
        Label title = new Label("Drafts");
        title.getStyleClass().add("title-3");
        VBox box = new VBox(8, title, new HBox(6, create, discard), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("screen");
        box.setMinWidth(270);
        return box;
    }

    private void showEditor(DraftEditorViewModel e) {
        if (e == null) {
            Label l = new Label("Open an Ingress, HTTPRoute or Gateway as a draft (Open as draft / Edit as draft on its screen), or create one with New draft.\n"
                    + "Drafts are saved as you type and compared with what is live before anything is applied.");
            l.setWrapText(true);
            l.setId("draft-empty");
            VBox box = new VBox(l);
            box.setAlignment(Pos.CENTER);
            box.getStyleClass().add("empty-state");
            editorHolder.getChildren().setAll(box);
            return;
        }
        Label title = new Label();
        title.setId("draft-title");
        title.getStyleClass().add("title-3");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> e.draftProperty().get().displayName(), e.draftProperty()));
        Button apply = new Button("Apply…", new FontIcon("fth-upload-cloud"));
        apply.setId("draft-apply");
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(e.parseProblemProperty().isNotEmpty().or(session.isNull()));
        apply.setOnAction(ev -> startApply());
        Button undo = new Button("Undo last apply", new FontIcon("fth-rotate-ccw"));
        undo.setId("draft-undo");
        undo.disableProperty().bind(vm.lastApplyProperty().isNull());
        undo.setOnAction(ev -> vm.undoLastApply());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button serveButton = new Button("Serve this draft", new FontIcon("fth-repeat"));
        serveButton.setId("draft-serve");
        serveButton.disableProperty().bind(e.parseProblemProperty().isNotEmpty().or(session.isNull()));
        serveButton.setOnAction(ev -> serve.accept(e));
        HBox header = new HBox(8, title, spacer, serveButton, undo, apply);
        header.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label();
        note.setId("draft-note");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> e.draftProperty().get().note(), e.draftProperty()));
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        note.setMinHeight(Region.USE_PREF_SIZE);

        Label message = new Label();
        message.setId("draft-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);

        YamlArea yaml = new YamlArea(true);
        yaml.setId("draft-yaml");
        yaml.setText(e.textProperty().get());
        yaml.getContent().textProperty().addListener((o, a, t) -> {
            if (!t.equals(e.textProperty().get())) {
                e.textProperty().set(t);
            }
        });
        e.textProperty().addListener((o, a, t) -> {
            if (!t.equals(yaml.getText())) {
                yaml.getContent().replaceText(t);
            }
        });
        TextArea diff = new TextArea();
        diff.setId("draft-diff");
        diff.setEditable(false);
        diff.getStyleClass().add("mono");
        diff.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.diffProperty().get().isBlank()
                ? "No difference from what is live." : vm.diffProperty().get(), vm.diffProperty()));

        ObservableList<String> services = FXCollections.observableArrayList();
        ObservableList<String> classes = FXCollections.observableArrayList();
        ClusterSession s = session.get();
        if (s != null) {
            s.services().list().stream().filter(x -> x.getMetadata().getNamespace().equals(e.namespaceProperty().get()))
                    .map(x -> x.getMetadata().getName()).sorted().forEach(services::add);
            s.ingressClasses().list().forEach(c -> classes.add(c.getMetadata().getName()));
        }
        TabPane tabs = new TabPane(new Tab("Form", formFor(e, services, classes)), new Tab("YAML", yaml),
                new Tab("Compare with live", diff));
        tabs.setId("draft-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        problems.setId("draft-problems");
        e.parseProblemProperty().addListener((o, a, b) -> fillProblems());
        VBox box = new VBox(8, header, note, message, new ConflictPane(vm), problems, tabs);
        box.getStyleClass().add("screen");
        editorHolder.getChildren().setAll(box);
        fillProblems();
    }

    /** The Ingress, HTTPRoute or Gateway form, or a note that this kind is edited as YAML. */
    private static javafx.scene.Node formFor(DraftEditorViewModel e, ObservableList<String> services,
                                             ObservableList<String> classes) {
        return switch (e.kindProperty().get()) {
            case INGRESS -> new DraftFormPane(e, services, classes);
            case HTTPROUTE -> new HttpRouteFormPane(e);
            case GATEWAY -> new GatewayFormPane(e);
            default -> {
                Label l = new Label("A " + e.kindProperty().get().kind() + " is edited in the YAML tab; the engine judges it "
                        + "like any other draft (problems above, Serve this draft, Apply).");
                l.setWrapText(true);
                l.setId("draft-form-yaml-only");
                VBox box = new VBox(l);
                box.setPadding(new javafx.geometry.Insets(10));
                yield box;
            }
        };
    }

    private void fillProblems() {
        problems.getChildren().clear();
        DraftEditorViewModel e = vm.editorProperty().get();
        if (e != null && !e.parseProblemProperty().get().isEmpty()) {
            Label l = new Label("The YAML is not valid — " + e.parseProblemProperty().get(), new FontIcon(Status.ERROR.iconLiteral()));
            l.getStyleClass().addAll("banner", Status.ERROR.styleClass());
            l.setId("draft-parse-problem");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            problems.getChildren().add(l);
        }
        vm.diagnostics().forEach(d -> problems.getChildren().add(DiagnosticLabel.of(d)));
    }

    /** Apply… of the open draft: dry run, then the diff to confirm, then the write (backup, conflict check). */
    public void startApply() {
        vm.dryRun().thenAccept(r -> FxBackground.onFx(() -> {
            if (!(r instanceof WriteResult.Validated)) {
                Dialogs.showError(getScene().getWindow(), "The draft cannot be applied", r.message(), null);
                return;
            }
            if (ApplyDialog.confirm(getScene().getWindow(), vm.editorProperty().get().draftProperty().get().displayName(),
                    vm.diffProperty().get())) {
                vm.apply();
            }
        }));
    }

    static Status statusOf(DraftState s) {
        return switch (s) {
            case NEW, MODIFIED -> Status.WARNING;
            case CONFLICTING -> Status.ERROR;
            case APPLIED, UNCHANGED -> Status.OK;
        };
    }
}
