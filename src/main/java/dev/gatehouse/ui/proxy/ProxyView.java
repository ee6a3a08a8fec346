package dev.gatehouse.ui.proxy;

import dev.gatehouse.proxy.server.AccessLogEvent;
import dev.gatehouse.ui.common.TableSupport;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Proxy: start/stop and ports on top with the listener addresses and the rule source; tabs for the
 * live access log, the request tester, the backend table and copy-ready curl lines.
 */
public final class ProxyView extends VBox {

    private final ProxyViewModel vm;

    public ProxyView(ProxyViewModel vm) {
        this.vm = vm;
        setId("screen-proxy");
        getStyleClass().addAll("screen", "proxy-screen");
        Label problem = TableSupport.problemBanner("proxy-problem", vm.problemProperty());
        TabPane tabs = new TabPane(
                new Tab("Access log", accessLog()),
                new Tab("Request tester", new RequestTesterPane(vm.tester(), vm.clientCertificates())),
                new Tab("Backends", backends()),
                new Tab("Try from a terminal", curl()));
        tabs.setId("proxy-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header(), problem, tabs);
    }

    private VBox header() {
        Label title = new Label("Local proxy");
        title.getStyleClass().add("title-3");
        Button start = new Button("Start", new FontIcon("fth-play"));
        start.setId("proxy-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.runningProperty().or(vm.busyProperty()));
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop", new FontIcon("fth-square"));
        stop.setId("proxy-stop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        TextField https = portField("proxy-https-port", vm.httpsPortProperty());
        TextField http = portField("proxy-http-port", vm.httpPortProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, new Label("HTTPS port"), https, new Label("HTTP port"), http, start, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label listening = new Label();
        listening.setId("proxy-listening");
        listening.textProperty().bind(vm.listeningProperty());
        listening.setGraphic(new FontIcon("fth-radio"));
        Label source = new Label();
        source.setId("proxy-source");
        source.getStyleClass().add("text-muted");
        source.textProperty().bind(vm.sourceProperty());
        source.setGraphic(new FontIcon("fth-file-text"));
        Label scope = new Label("Listens on 127.0.0.1 only. Requests are routed exactly as the Path view and "
                + "'gatehouse explain' say, with the Secrets' real certificates.");
        scope.getStyleClass().add("text-muted");
        scope.setWrapText(true);
        return new VBox(6, bar, listening, source, scope);
    }

    private static TextField portField(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(5);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private VBox accessLog() {
        TextField filter = TableSupport.filterField("proxy-log-filter", "Filter by host, path, status, rule… (Ctrl+F)");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Label count = new Label();
        count.setId("proxy-log-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(vm.logCountProperty());
        Button clear = new Button("Clear", new FontIcon("fth-trash-2"));
        clear.setId("proxy-log-clear");
        clear.setOnAction(e -> vm.clearLog());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, count, spacer, filter, clear);
        toolbar.getStyleClass().add("table-toolbar");
        TableView<AccessLogEvent> table = new TableView<>(vm.log());
        table.setId("proxy-log-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("Requests through the proxy appear here. Start it, then use the request"
                + " tester or one of the curl lines."));
        table.getColumns().add(TableSupport.text("Time", e -> e.time().atZone(java.time.ZoneId.systemDefault())
                .toLocalTime().withNano(0).toString(), 84));
        table.getColumns().add(status());
        table.getColumns().add(TableSupport.text("Request", e -> e.method() + " " + e.url(), 240));
        table.getColumns().add(TableSupport.text("Client", AccessLogEvent::client, 110));
        table.getColumns().add(TableSupport.text("SNI", e -> e.sni().orElse(e.tlsVersion().isPresent() ? "(none)" : ""), 150));
        table.getColumns().add(TableSupport.text("Ingress", e -> e.ingress().orElse("\u2014"), 130));
        table.getColumns().add(TableSupport.text("Rule", e -> e.rule().orElse(e.note()), 230));
        table.getColumns().add(TableSupport.text("Backend", e -> e.backend().orElse("\u2014"), 240));
        table.getColumns().add(TableSupport.text("Certificate", e -> e.certificate().orElse("\u2014"), 170));
        table.getColumns().add(TableSupport.text("TLS", e -> e.tlsVersion().map(v -> v + " " + e.cipher().orElse(""))
                .orElse("plain HTTP"), 160));
        table.getColumns().add(TableSupport.text("Latency", e -> e.latencyMillis() + " ms", 70));
        TableSupport.focusOnShortcutF(this, filter);
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(toolbar, table);
    }

    private static TableColumn<AccessLogEvent, String> status() {
        TableColumn<AccessLogEvent, String> c = TableSupport.text("Status", e -> e.status() == 0 ? "\u2014"
                : String.valueOf(e.status()), 66);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("status-ok", "status-warning", "status-error");
                setText(empty ? null : s);
                setTooltip(null);
                if (!empty && s != null && !s.isEmpty() && Character.isDigit(s.charAt(0))) {
                    getStyleClass().add(s.startsWith("2") || s.startsWith("1") ? "status-ok"
                            : s.startsWith("3") || s.startsWith("4") ? "status-warning" : "status-error");
                    AccessLogEvent e = getTableRow() == null ? null : getTableRow().getItem();
                    if (e != null && !e.note().isEmpty()) {
                        setTooltip(new Tooltip(e.note()));
                    }
                }
            }
        });
        return c;
    }

    private VBox backends() {
        Label help = new Label("Where each Service port of the rules is reached: your URL first, then the demo"
                + " cluster's echo backend or a port-forward to a ready Pod. Double-click a URL to change it;"
                + " clear it to go back to the automatic backend.");
        help.setWrapText(true);
        help.getStyleClass().add("text-muted");
        TableView<BackendRow> table = new TableView<>(vm.backends());
        table.setId("proxy-backend-table");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Start the proxy to see the Services its rules use."));
        table.getColumns().add(TableSupport.text("Service port", BackendRow::service, 220));
        TableColumn<BackendRow, String> url = TableSupport.text("Your URL", BackendRow::mapped, 240);
        url.setCellFactory(TextFieldTableCell.forTableColumn());
        url.setEditable(true);
        url.setOnEditCommit(e -> vm.setBackendUrl(e.getRowValue(), e.getNewValue()));
        table.getColumns().add(url);
        table.getColumns().add(TableSupport.text("Reached through", BackendRow::reached, 360));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, help, table);
        box.getStyleClass().add("proxy-tab");
        return box;
    }

    private VBox curl() {
        Label help = new Label("Paste one of these into a terminal: --resolve points the host at the local proxy,"
                + " so curl sends the right SNI and Host. For the demo cluster --cacert names its CA.");
        help.setWrapText(true);
        help.getStyleClass().add("text-muted");
        ListView<String> lines = new ListView<>(vm.curlLines());
        lines.setId("proxy-curl-list");
        lines.setPlaceholder(new Label("Start the proxy to get a curl command per host."));
        lines.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label text = new Label(line);
                text.getStyleClass().add("mono");
                Button copy = new Button(null, new FontIcon("fth-copy"));
                copy.getStyleClass().addAll("flat", "button-icon");
                copy.setTooltip(new Tooltip("Copy"));
                copy.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(line);
                    Clipboard.getSystemClipboard().setContent(content);
                });
                HBox row = new HBox(6, copy, text);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        VBox.setVgrow(lines, Priority.ALWAYS);
        VBox box = new VBox(8, help, lines);
        box.getStyleClass().add("proxy-tab");
        return box;
    }
}
