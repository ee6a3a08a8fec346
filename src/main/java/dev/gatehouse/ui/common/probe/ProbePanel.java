package dev.gatehouse.ui.common.probe;

import dev.gatehouse.probe.Comparison;
import dev.gatehouse.probe.Verdict;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.StatusBadge;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The shared probe panel of one host: address and timeout, "Probe live" and Cancel, then what the objects predict
 * beside what was observed, and every verdict with its plain explanation (disagreements first).
 */
public final class ProbePanel extends VBox {

    private final ProbePanelViewModel vm;
    private final VBox verdicts = new VBox(6);

    public ProbePanel(ProbePanelViewModel vm) {
        this.vm = vm;
        setId("probePanel");
        setSpacing(8);
        setPadding(new Insets(10));
        Label host = new Label();
        host.setId("probeHost");
        host.getStyleClass().add("detail-title");
        host.textProperty().bind(vm.hostProperty().map(h -> h.isEmpty() ? "Choose a host" : h));
        StatusBadge badge = new StatusBadge();
        badge.setId("probeStatus");
        vm.statusProperty().addListener((o, a, s) -> badge.show(s, vm.statusTextProperty().get()));
        vm.statusTextProperty().addListener((o, a, t) -> badge.show(vm.statusProperty().get(), t));
        badge.show(vm.statusProperty().get(), vm.statusTextProperty().get());
        Label ago = new Label();
        ago.setId("probeAgo");
        ago.getStyleClass().add("text-muted");
        ago.textProperty().bind(vm.probedAgoProperty());
        Tooltip at = new Tooltip();
        at.textProperty().bind(vm.probedAtProperty());
        ago.setTooltip(at);
        host.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(10, host, badge, ago);
        header.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(header, controls(), message(), body());
        vm.verdicts().addListener((javafx.collections.ListChangeListener<Verdict>) c -> showVerdicts());
        showVerdicts();
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(15), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    private HBox controls() {
        TextField address = new TextField();
        address.setId("probeAddress");
        address.setPrefColumnCount(15);
        address.textProperty().bindBidirectional(vm.addressProperty());
        address.promptTextProperty().bind(vm.addressPromptProperty());
        address.setTooltip(new Tooltip("Where to connect: empty = the address the objects publish"
                + " (status.loadBalancer, a Gateway's status.addresses); or HOST[:PORT], e.g. a port-forward"
                + " 127.0.0.1:8443"));
        address.setOnAction(e -> vm.probe());
        address.disableProperty().bind(vm.modeProperty().isEqualTo(ProbePanelViewModel.AddressMode.PORT_FORWARD));
        ChoiceBox<ProbePanelViewModel.AddressMode> mode = new ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(ProbePanelViewModel.AddressMode.values()));
        mode.setId("probeAddressMode");
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setTooltip(new Tooltip("published: the address the objects publish, through a port-forward to the"
                + " controller's Pod when it does not answer; custom: the address typed; port-forward: always"
                + " through a port-forward to a Ready Pod of the controller's Service"));
        TextField timeout = new TextField();
        timeout.setId("probeTimeout");
        timeout.setPrefColumnCount(4);
        timeout.textProperty().bindBidirectional(vm.timeoutProperty());
        timeout.setTooltip(new Tooltip("Bound of each step (name lookup, connect, TLS handshake, first answer):"
                + " seconds, or 500ms, 2m"));
        Button probe = new Button("Probe live", new FontIcon("fth-zap"));
        probe.setId("probeLive");
        probe.getStyleClass().add("accent");
        probe.disableProperty().bind(vm.runningProperty().or(vm.hostProperty().isEmpty()));
        probe.setOnAction(e -> vm.probe());
        Button cancel = new Button("Cancel", new FontIcon("fth-x"));
        cancel.setId("probeCancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {probe, cancel, mode}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label addressLabel = new Label("Address");
        Label timeoutLabel = new Label("Timeout (s)");
        for (Label l : new Label[] {addressLabel, timeoutLabel}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(8, addressLabel, mode, address, timeoutLabel, timeout, probe, cancel, spinner);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(address, Priority.SOMETIMES);
        return row;
    }

    private Label message() {
        Label message = new Label();
        message.setId("probeMessage");
        message.setWrapText(true);
        message.getStyleClass().add("status-warning");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private SplitPane body() {
        TableView<Comparison.Line> table = new TableView<>(vm.lines());
        table.setId("probeComparison");
        table.setPlaceholder(new Label("Not probed in this session yet: press Probe live."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Comparison.Line, String> aspect = column("Aspect", Comparison.Line::aspect, 150);
        TableColumn<Comparison.Line, String> predicted = column("Predicted by the objects",
                Comparison.Line::predicted, 260);
        TableColumn<Comparison.Line, String> observed = column("Observed", Comparison.Line::observed, 300);
        TableColumn<Comparison.Line, Verdict.Status> verdict = new TableColumn<>("Verdict");
        verdict.setPrefWidth(100);
        verdict.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Verdict.Status s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll(Status.allStyleClasses());
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Status st = ProbeStatus.of(s);
                setText(switch (s) {
                    case PASS -> "agrees";
                    case NOTE -> "note";
                    case FAIL -> "disagrees";
                });
                setGraphic(new FontIcon(st.iconLiteral()));
                getStyleClass().add(st.styleClass());
            }
        });
        table.getColumns().setAll(java.util.List.of(aspect, predicted, observed, verdict));
        ScrollPane scroll = new ScrollPane(verdicts);
        scroll.setFitToWidth(true);
        verdicts.setId("probeVerdicts");
        verdicts.setPadding(new Insets(6));
        SplitPane split = new SplitPane(table, scroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    private static TableColumn<Comparison.Line, String> column(String title,
                                                              java.util.function.Function<Comparison.Line, String> value,
                                                              double width) {
        TableColumn<Comparison.Line, String> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                text.getStyleClass().add("text");
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                text.setText(empty || s == null ? "" : s);
                setGraphic(empty ? null : text);
                setText(null);
            }
        });
        return col;
    }

    private void showVerdicts() {
        verdicts.getChildren().clear();
        if (vm.verdicts().isEmpty()) {
            return;
        }
        java.util.List<Verdict> failed = vm.verdicts().stream().filter(Verdict::failed).toList();
        java.util.List<Verdict> others = vm.verdicts().stream().filter(v -> !v.failed()).toList();
        if (!failed.isEmpty()) {
            verdicts.getChildren().add(heading("Disagreements and failed checks"));
            failed.forEach(v -> verdicts.getChildren().add(line(v)));
        }
        verdicts.getChildren().add(heading(failed.isEmpty() ? "Every check" : "Other checks"));
        others.forEach(v -> verdicts.getChildren().add(line(v)));
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("path-details-section");
        return l;
    }

    private static Node line(Verdict v) {
        Status s = ProbeStatus.of(v.status());
        Label l = new Label(v.check().label() + ": " + v.message(), new FontIcon(s.iconLiteral()));
        l.setId("probe-verdict-" + v.check().key());
        l.setWrapText(true);
        l.getStyleClass().addAll(s.styleClass(), "probe-verdict");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
