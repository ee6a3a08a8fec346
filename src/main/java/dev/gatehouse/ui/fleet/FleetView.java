package dev.gatehouse.ui.fleet;

import dev.gatehouse.fleet.FleetCertificate;
import dev.gatehouse.ui.common.ExpiryBands;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.TableSupport;
import java.io.File;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Fleet: every context of the kubeconfig at once — one chip per context (certificates or why it could not be
 * read), the expiries per week for the next 90 days, and one table of every TLS certificate, the soonest first.
 * Double-click (or Enter) opens that context on that certificate.
 */
public final class FleetView extends VBox {

    private final FleetViewModel vm;
    private final FlowPane chips = new FlowPane(6, 6);
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();

    public FleetView(FleetViewModel vm) {
        this.vm = vm;
        setId("screen-fleet");
        getStyleClass().add("screen");
        Label title = new Label("Fleet");
        title.getStyleClass().add("title-3");
        TextField filter = TableSupport.filterField("fleet-filter", "Filter by context, namespace, host, issuer (Ctrl+F)");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setPrefWidth(260);
        Label count = new Label();
        count.setId("fleet-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(vm.countProperty());
        Button scan = button("Scan all contexts", "fleet-scan", "fth-refresh-cw", vm::scan);
        scan.disableProperty().bind(vm.scanningProperty());
        scan.setTooltip(new Tooltip("Read every context of the kubeconfig in parallel (each bounded by the cluster"
                + " timeout; a failing one never stops the others)"));
        Button csv = button("Export CSV…", "fleet-export-csv", "fth-download", () -> export(false));
        Button json = button("Export JSON…", "fleet-export-json", "fth-download", () -> export(true));
        csv.disableProperty().bind(vm.reportProperty().isNull());
        json.disableProperty().bind(vm.reportProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Region r : List.of(title, count, scan, csv, json)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox toolbar = new HBox(title, spacer, count, filter, scan, csv, json);
        toolbar.getStyleClass().add("table-toolbar");

        Label summary = new Label();
        summary.setId("fleet-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label message = new Label();
        message.setId("fleet-message");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        chips.setId("fleet-contexts");
        vm.contexts().addListener((ListChangeListener<FleetViewModel.ContextRow>) c -> rebuildChips());

        BarChart<String, Number> chart = chart();
        TableView<FleetCertificate> table = table();
        HBox middle = new HBox(12, chart);
        VBox.setVgrow(table, Priority.ALWAYS);
        setSpacing(8);
        getChildren().addAll(toolbar, summary, message, chips, middle, table);
        TableSupport.focusOnShortcutF(this, filter);
    }

    private BarChart<String, Number> chart() {
        CategoryAxis x = new CategoryAxis();
        x.setLabel("expiring in week");
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        y.setTickUnit(1);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("fleet-chart");
        chart.setTitle("Expiries per week, next 90 days");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(190);
        chart.setMinHeight(150);
        HBox.setHgrow(chart, Priority.ALWAYS);
        chart.getData().add(series);
        vm.weekly().addListener((ListChangeListener<Integer>) c -> refreshChart());
        refreshChart();
        return chart;
    }

    private void refreshChart() {
        List<XYChart.Data<String, Number>> points = new java.util.ArrayList<>();
        for (int i = 0; i < vm.weekly().size(); i++) {
            points.add(new XYChart.Data<>((i * 7) + "–" + (i * 7 + 6) + " d", vm.weekly().get(i)));
        }
        series.getData().setAll(points);
    }

    private TableView<FleetCertificate> table() {
        TableView<FleetCertificate> table = new TableView<>();
        table.setId("fleet-table");
        TableColumn<FleetCertificate, Long> expires = new TableColumn<>("Expires");
        expires.setId("fleet-col-expires");
        expires.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(
                cd.getValue().notAfter().isPresent() ? cd.getValue().daysLeft() : Long.MAX_VALUE));
        expires.setPrefWidth(175);
        expires.setMinWidth(165);
        expires.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long days, boolean empty) {
                super.updateItem(days, empty);
                getStyleClass().removeAll(Status.allStyleClasses());
                FleetCertificate c = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (c == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Status s = c.expiry().map(ExpiryBands::status).orElse(Status.UNKNOWN);
                getStyleClass().add(s.styleClass());
                setGraphic(new FontIcon(s.iconLiteral()));
                setText(c.expiry().map(e -> ExpiryBands.text(c.daysLeft(), e)).orElse(c.problem().orElse("unreadable")));
            }
        });
        table.getColumns().add(expires);
        table.getColumns().add(TableSupport.text("Context", FleetCertificate::context, 140));
        table.getColumns().add(TableSupport.text("Namespace", FleetCertificate::namespace, 110));
        table.getColumns().add(TableSupport.text("Secret", FleetCertificate::secret, 160));
        table.getColumns().add(TableSupport.text("Hosts", c -> String.join(", ", c.hosts()), 200));
        table.getColumns().add(TableSupport.text("Issuer", FleetCertificate::issuer, 160));
        table.getColumns().add(TableSupport.text("Used by", c -> String.join(", ", c.usedBy()), 150));
        table.getColumns().add(TableSupport.text("cert-manager", c -> c.certManager().map(m -> "Certificate " + m)
                .orElse(""), 130));
        SortedList<FleetCertificate> sorted = new SortedList<>(vm.certificates());
        sorted.comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> table.getComparator() == null ? Comparator.<FleetCertificate>comparingInt(c -> 0)
                        : table.getComparator(), table.comparatorProperty()));
        table.setItems(sorted);
        Label empty = new Label();
        empty.textProperty().bind(vm.summaryProperty());
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<FleetCertificate> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(table.getSelectionModel().getSelectedItem());
            }
        });
        return table;
    }

    private void rebuildChips() {
        chips.getChildren().setAll(vm.contexts().stream().map(r -> {
            Label chip = new Label(r.context() + ": " + r.text(), new FontIcon(r.status().iconLiteral()));
            chip.setId("fleet-context-" + r.context());
            chip.getStyleClass().addAll("status-badge", r.status().styleClass());
            chip.setPadding(new Insets(2, 8, 2, 8));
            chip.setMaxWidth(520);
            chip.setTooltip(new Tooltip(r.context() + ": " + r.text()));
            chip.setAlignment(Pos.CENTER_LEFT);
            return chip;
        }).toList());
    }

    private void export(boolean json) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(json ? "Export the fleet as JSON" : "Export the fleet as CSV");
        chooser.setInitialFileName(json ? "fleet-certificates.json" : "fleet-certificates.csv");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.export(Path.of(file.getPath()), json);
        }
    }

    private static Button button(String text, String id, String icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    public FleetViewModel viewModel() {
        return vm;
    }
}
