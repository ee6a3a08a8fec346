package dev.gatehouse.ui.common.probe;

import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.Theme;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The "Live probe" window, one per main window: every host one can probe with its latest result (left), the
 * shared {@link ProbePanel} for the chosen host (right), and "Probe every host" with progress, count, Cancel and
 * a summary above both. Screens open it through {@link ProbeOpener}; it stays open beside the main window.
 */
public final class ProbeWindow implements ProbeOpener {

    private final Stage owner;
    private final ProbePanelViewModel panel;
    private final ProbeBatchViewModel batch;
    private final ListView<ProbeBatchViewModel.HostRow> hosts = new ListView<>();
    private Stage stage;
    private boolean selecting;

    public ProbeWindow(Stage owner, ProbeServices services) {
        this.owner = owner;
        this.panel = new ProbePanelViewModel(services);
        this.batch = new ProbeBatchViewModel(services, panel.timeoutProperty());
    }

    @Override
    public void probe(String host) {
        show(host);
        panel.probe();
    }

    /** Shows the window on this host without probing. */
    public void show(String host) {
        open();
        panel.show(host);
        select(host);
    }

    /** Shows the window (on the host shown last). */
    public void open() {
        if (stage == null) {
            stage = build();
        }
        Scene main = owner.getScene();
        boolean dark = main != null && main.getRoot() != null && main.getRoot().getStyleClass()
                .contains(Theme.DARK_CLASS);
        Theme.apply(stage.getScene(), dark);
        stage.show();
        stage.toFront();
    }

    public ProbePanelViewModel panel() {
        return panel;
    }

    public ProbeBatchViewModel batch() {
        return batch;
    }

    private Stage build() {
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle("Live probe — what the controller really serves");
        s.getIcons().setAll(owner.getIcons());
        hosts.setId("probeHosts");
        hosts.setItems(batch.hosts());
        hosts.setPrefWidth(330);
        hosts.setCellFactory(l -> new HostCell());
        hosts.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!selecting && row != null) {
                panel.show(row.host());
            }
        });
        batch.hosts().addListener((javafx.collections.ListChangeListener<ProbeBatchViewModel.HostRow>) c ->
                select(panel.hostProperty().get()));
        SplitPane split = new SplitPane(hosts, new ProbePanel(panel));
        split.setDividerPositions(0.27);
        BorderPane root = new BorderPane(split);
        root.setId("probeWindow");
        root.setTop(batchBar());
        s.setScene(new Scene(root, 1400, 900));
        return s;
    }

    private HBox batchBar() {
        Button all = new Button("Probe every host", new FontIcon("fth-layers"));
        all.setId("probeAll");
        all.setTooltip(new Tooltip("Probe every host with TLS at the address its Ingress or Gateway publishes,"
                + " four at a time"));
        all.disableProperty().bind(batch.runningProperty());
        all.setOnAction(e -> batch.probeAll());
        ProgressBar progress = new ProgressBar();
        progress.setId("probeAllProgress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(batch.progressProperty());
        Label count = new Label();
        count.setId("probeAllCount");
        count.textProperty().bind(batch.countProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel", new FontIcon("fth-x"));
        cancel.setId("probeAllCancel");
        cancel.disableProperty().bind(batch.runningProperty().not());
        cancel.setOnAction(e -> batch.cancel());
        Label summary = new Label();
        summary.setId("probeAllSummary");
        summary.textProperty().bind(batch.summaryProperty());
        summary.setWrapText(true);
        HBox bar = new HBox(10, all, progress, count, cancel, summary);
        HBox.setHgrow(summary, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private void select(String host) {
        selecting = true;
        try {
            batch.hosts().stream().filter(r -> r.host().equals(host)).findFirst()
                    .ifPresentOrElse(r -> hosts.getSelectionModel().select(r),
                            () -> hosts.getSelectionModel().clearSelection());
        } finally {
            selecting = false;
        }
    }

    /** A host: status icon and name, its latest result and when. */
    private final class HostCell extends ListCell<ProbeBatchViewModel.HostRow> {
        @Override
        protected void updateItem(ProbeBatchViewModel.HostRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Status s = row.status();
            Label name = new Label(row.host(), new FontIcon(s.iconLiteral()));
            name.getStyleClass().addAll(s.styleClass(), "probe-host");
            Label detail = new Label(row.summary().replace(" with the objects", "") + row.takenAt().map(t -> " · " + ProbePanelViewModel.ago(t,
                    panel.clockNow())).orElse(""));
            detail.getStyleClass().add("text-muted");
            detail.setWrapText(true);
            detail.setMaxWidth(300);
            setText(null);
            VBox box = new VBox(2, name, detail);
            box.getStyleClass().add("probe-host-cell");
            setGraphic(box);
        }
    }
}
