package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.FxBackground;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** Bottom bar: the last action, the running background task (progress + cancel), proxy state. */
final class StatusBar extends HBox {

    StatusBar(ShellViewModel vm, FxBackground background) {
        getStyleClass().add("status-bar");
        setId("status-bar");

        Label last = new Label();
        last.setId("status-message");
        last.textProperty().bind(vm.statusMessageProperty());

        Label taskTitle = new Label();
        taskTitle.setId("status-task");
        ProgressBar progress = new ProgressBar();
        Button cancel = new Button(null, new FontIcon("fth-x"));
        cancel.setId("status-cancel");
        cancel.getStyleClass().addAll("flat", "button-icon", "small");
        cancel.setOnAction(e -> {
            Task<?> t = background.currentTaskProperty().get();
            if (t != null) {
                t.cancel();
            }
        });
        HBox taskBox = new HBox(6, taskTitle, progress, cancel);
        taskBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        taskBox.visibleProperty().bind(background.currentTaskProperty().isNotNull());
        taskBox.managedProperty().bind(taskBox.visibleProperty());
        background.currentTaskProperty().addListener((obs, old, task) -> {
            taskTitle.textProperty().unbind();
            progress.progressProperty().unbind();
            if (task != null) {
                taskTitle.textProperty().bind(Bindings.createStringBinding(
                        () -> task.getMessage() == null || task.getMessage().isBlank() ? task.getTitle() : task.getMessage(),
                        task.titleProperty(), task.messageProperty()));
                progress.progressProperty().bind(task.progressProperty());
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label proxy = new Label();
        proxy.setId("status-proxy");
        proxy.textProperty().bind(vm.proxyStateProperty());
        proxy.setGraphic(new FontIcon("fth-repeat"));
        getChildren().addAll(last, taskBox, spacer, proxy);
    }
}
