package dev.gatehouse.ui.path;

import dev.gatehouse.ui.common.Dialogs;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import dev.gatehouse.ui.common.probe.ProbeOpener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Path screen: pick an Ingress or a host, see client → controller → Service → Pods per path with
 * the protection of every leg, explain a request, click a box for its details, export the diagram.
 */
public final class PathView extends VBox {
    private final PathViewModel vm;
    private final DiagramView diagram = new DiagramView();
    private final ExplainBox explain;
    private final ComboBox<PathTarget> target = new ComboBox<>();
    private boolean syncing;

    /**
     * @param vm               the screen's state
     * @param explainRequested set by "Explain a URL" (Ctrl+L) anywhere in the window: focus the URL field
     */
    public PathView(PathViewModel vm, BooleanProperty explainRequested) {
        this(vm, explainRequested, ProbeOpener.NONE);
    }

    /** @param probes "Probe live" on the controller box opens the shared probe panel for its host */
    public PathView(PathViewModel vm, BooleanProperty explainRequested, ProbeOpener probes) {
        this.vm = vm;
        setId("screen-path");
        getStyleClass().addAll("screen", "path-screen");
        explain = new ExplainBox(vm);

        Label title = new Label("Path");
        title.getStyleClass().add("title-3");
        target.setId("path-target");
        target.setPromptText("Choose an Ingress or a host");
        target.setPrefWidth(460);
        target.setItems(vm.targets());
        target.setCellFactory(l -> new TargetCell());
        target.setButtonCell(new TargetCell());
        target.valueProperty().addListener((o, a, t) -> {
            if (!syncing && t != null) {
                vm.targetProperty().set(t);
            }
        });
        vm.targetProperty().addListener((o, a, t) -> showTarget(t));
        Label updated = new Label();
        updated.setId("path-updated");
        updated.getStyleClass().add("text-muted");
        updated.textProperty().bind(vm.updatedProperty());
        Label message = new Label();
        message.setId("path-message");
        message.textProperty().bind(vm.messageProperty());
        Button export = new Button("Export PNG…", new FontIcon("fth-image"));
        export.setId("path-export");
        export.disableProperty().bind(vm.diagramProperty().isNull());
        export.setOnAction(e -> exportPng());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, title, target, spacer, message, updated, export);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("table-toolbar");

        ScrollPane diagramScroll = new ScrollPane(diagram);
        diagramScroll.setId("path-diagram-scroll");
        diagramScroll.setFitToWidth(true);
        ScrollPane detailsScroll = new ScrollPane(new DetailsPanel(vm.selection(), probes));
        detailsScroll.setFitToWidth(true);
        detailsScroll.setMinWidth(260);
        detailsScroll.setPrefWidth(320);
        SplitPane split = new SplitPane(diagramScroll);
        SplitPane.setResizableWithParent(detailsScroll, false);
        vm.selection().detailsProperty().addListener((o, a, d) -> {
            if (d == null) {
                split.getItems().remove(detailsScroll);
            } else if (!split.getItems().contains(detailsScroll)) {
                split.getItems().add(detailsScroll);
                split.setDividerPositions(Math.max(0.5, 1 - 340 / Math.max(split.getWidth(), 680)));
            }
        });
        Label placeholder = new Label();
        placeholder.setId("path-placeholder");
        placeholder.setGraphic(new FontIcon("fth-share-2"));
        placeholder.getStyleClass().add("text-muted");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.placeholderProperty());
        VBox empty = new VBox(placeholder);
        empty.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(vm.placeholderProperty().isNotEmpty());
        split.visibleProperty().bind(empty.visibleProperty().not());
        StackPane centre = new StackPane(split, empty);
        VBox.setVgrow(centre, Priority.ALWAYS);
        getChildren().addAll(toolbar, explain, centre);

        vm.diagramProperty().addListener((o, a, d) -> {
            redraw();
            if (d != null && d.highlighted().isPresent()
                    && (a == null || !d.explanation().equals(a.explanation()) || !d.target().equals(a.target()))) {
                Platform.runLater(() -> scrollToHighlighted(diagramScroll));
            }
        });
        vm.selection().selectedProperty().addListener((o, a, s) -> redraw());
        showTarget(vm.targetProperty().get());
        redraw();
        explainRequested.addListener((o, a, now) -> {
            if (now) {
                focusExplain(explainRequested);
            }
        });
        if (explainRequested.get()) {
            focusExplain(explainRequested);
        }
    }

    /** Brings the lane the explained request takes into view. */
    private void scrollToHighlighted(ScrollPane scroll) {
        applyCss();
        layout();
        diagram.lookupAll(".path-lane-highlighted").stream().findFirst().ifPresent(lane -> {
            double extra = diagram.getHeight() - scroll.getViewportBounds().getHeight();
            if (extra > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, (lane.getBoundsInParent().getMinY() - 8) / extra)));
            }
        });
    }

    private void focusExplain(BooleanProperty request) {
        Platform.runLater(() -> {
            explain.urlField().requestFocus();
            explain.urlField().selectAll();
            request.set(false);
        });
    }

    private void showTarget(PathTarget t) {
        syncing = true;
        try {
            target.setValue(t);
        } finally {
            syncing = false;
        }
    }

    private void redraw() {
        diagram.show(vm.diagramProperty().get(), vm.selection().selectedProperty().get(),
                (lane, element) -> vm.selection().select(lane, element));
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the diagram as PNG");
        chooser.setInitialFileName(vm.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        File png = file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? file
                : new File(file.getParentFile(), file.getName() + ".png");
        WritableImage image = diagram.snapshot(new SnapshotParameters(), null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        PngExport.write(buffered, png.toPath(), vm.worker()).whenComplete((path, error) -> Platform.runLater(() -> {
            if (error == null) {
                vm.say("Saved " + path.getFileName());
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                Dialogs.showError(getScene().getWindow(), "Export failed", cause.getMessage(), cause);
            }
        }));
    }

    /** Shows a target by its label. */
    private static final class TargetCell extends ListCell<PathTarget> {
        @Override
        protected void updateItem(PathTarget item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
            setGraphic(empty || item == null ? null : new FontIcon(item instanceof PathTarget.IngressTarget
                    ? "fth-globe" : item instanceof PathTarget.GatewayTarget ? "fth-shield" : "fth-at-sign"));
        }
    }
}
