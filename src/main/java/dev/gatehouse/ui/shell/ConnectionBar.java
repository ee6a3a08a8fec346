package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.common.StatusBadge;
import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Top bar: context picker, namespace picker, connection badge with Retry. */
public final class ConnectionBar extends HBox {

    public ConnectionBar(ConnectionViewModel vm) {
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> context = new ComboBox<>(vm.contexts());
        context.setId("context-picker");
        context.setPromptText("No context");
        context.setPrefWidth(220);
        context.valueProperty().bindBidirectional(vm.selectedContextProperty());
        context.setTooltip(new Tooltip("Kubeconfig context (Ctrl+K)"));

        ComboBox<String> namespace = new ComboBox<>(vm.namespaces());
        namespace.setId("namespace-picker");
        namespace.setPrefWidth(180);
        namespace.valueProperty().bindBidirectional(vm.selectedNamespaceProperty());
        namespace.disableProperty().bind(vm.sessionProperty().isNull());

        StatusBadge badge = new StatusBadge();
        badge.setId("connection-badge");
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(vm.statusDetailProperty());
        badge.setTooltip(detail);
        Runnable refresh = () -> badge.show(vm.statusProperty().get(), vm.statusTextProperty().get());
        vm.statusProperty().addListener((o, a, b) -> refresh.run());
        vm.statusTextProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("connection-progress");
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.connectingProperty().or(vm.demoStartingProperty()));
        spinner.managedProperty().bind(spinner.visibleProperty());

        Button retry = new Button("Retry", new FontIcon("fth-refresh-cw"));
        retry.setId("connection-retry");
        retry.getStyleClass().add("small");
        retry.visibleProperty().bind(vm.retryableProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> vm.retry());

        Label ctxLabel = new Label("Context");
        ctxLabel.getStyleClass().add("field-label");
        ctxLabel.setLabelFor(context);
        Label nsLabel = new Label("Namespace");
        nsLabel.getStyleClass().add("field-label");
        nsLabel.setLabelFor(namespace);
        getChildren().addAll(ctxLabel, context, nsLabel, namespace, badge, spinner, retry);

        // Ctrl+K: switch context.
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                        () -> Platform.runLater(() -> {
                            context.requestFocus();
                            context.show();
                        }));
            }
        });
    }
}
