package dev.gatehouse.ui.migrate;

import dev.gatehouse.ui.common.YamlArea;
import dev.gatehouse.ui.common.form.DraftEditorViewModel;
import dev.gatehouse.ui.common.form.GatewayFormPane;
import dev.gatehouse.ui.common.form.HttpRouteFormPane;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Edit objects: the generated objects (● marks an edited one) beside the selected one's YAML and, for a Gateway or
 * an HTTPRoute, the Drafts screen's form; Revert to generated; a problem line for YAML that is not valid.
 */
final class MigrateEditPane extends SplitPane {
    private final StackPane holder = new StackPane();
    private final MigrateViewModel vm;
    /** Takes the shown editor's listener off its view model when another object is shown. */
    private Runnable detach = () -> { };

    MigrateEditPane(MigrateViewModel vm) {
        this.vm = vm;
        ListView<MigrateEdits.Row> list = new ListView<>(vm.edits().rows());
        list.setId("migrate-edit-objects");
        list.setPlaceholder(new Label("Migrate first: the generated objects are edited here."));
        Button revert = new Button("Revert to generated", new FontIcon("fth-rotate-ccw"));
        revert.setId("migrate-edit-revert");
        revert.setOnAction(e -> {
            MigrateEdits.Row r = list.getSelectionModel().getSelectedItem();
            if (r != null) {
                vm.revert(r.key());
            }
        });
        revert.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Label problem = new Label();
        problem.setId("migrate-edit-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("text-danger");
        problem.textProperty().bind(vm.editProblemProperty());
        VBox left = new VBox(6, list, revert, problem);
        left.setPadding(new Insets(6));
        VBox.setVgrow(list, Priority.ALWAYS);
        String[] shown = new String[1];
        list.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && !r.key().equals(shown[0])) {
                shown[0] = r.key();
                vm.editor(r.key()).ifPresent(this::show);
            }
        });
        vm.edits().rows().addListener((javafx.collections.ListChangeListener<MigrateEdits.Row>) c -> {
            for (int i = 0; i < vm.edits().rows().size(); i++) {
                if (vm.edits().rows().get(i).key().equals(shown[0])) {
                    list.getSelectionModel().select(i);
                    return;
                }
            }
            shown[0] = null;
            detach.run();
            detach = () -> { };
            holder.getChildren().clear();
        });
        getItems().addAll(left, holder);
        setDividerPositions(0.36);
    }

    private void show(DraftEditorViewModel e) {
        YamlArea yaml = new YamlArea(true);
        yaml.setId("migrate-edit-yaml");
        yaml.setText(e.textProperty().get());
        yaml.getContent().textProperty().addListener((o, a, t) -> {
            if (!t.equals(e.textProperty().get())) {
                e.textProperty().set(t);
            }
        });
        javafx.beans.value.ChangeListener<String> fromModel = (o, a, t) -> {
            if (!t.equals(yaml.getText())) {
                yaml.getContent().replaceText(t);
            }
        };
        detach.run();
        e.textProperty().addListener(fromModel);
        detach = () -> e.textProperty().removeListener(fromModel);
        TabPane tabs = new TabPane(new Tab("YAML", yaml));
        switch (e.kindProperty().get()) {
            case HTTPROUTE -> tabs.getTabs().add(new Tab("Form", new HttpRouteFormPane(e)));
            case GATEWAY -> tabs.getTabs().add(new Tab("Form", new GatewayFormPane(e)));
            default -> { }
        }
        tabs.setId("migrate-edit-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        holder.getChildren().setAll(tabs);
    }
}
