package dev.gatehouse.ui.overview;

import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.ui.common.ExpiryBands;
import dev.gatehouse.ui.common.RelativeTime;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.TableSupport;
import dev.gatehouse.ui.common.diagnostics.DiagnosticLabel;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import dev.gatehouse.ui.common.connection.ClusterOpener;
import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Overview: the first-run empty state when there is no cluster, otherwise what Gatehouse is
 * connected to (and, for the demo cluster, the kubectl command to copy and its scenarios).
 */
public final class OverviewView extends StackPane {
    private final ConnectionViewModel vm;
    private final OverviewViewModel overview;
    private final ClusterOpener actions;
    private final VBox welcome;
    private final VBox connected = new VBox();

    public OverviewView(ConnectionViewModel vm, OverviewViewModel overview, ClusterOpener actions) {
        this.vm = vm;
        this.overview = overview;
        this.actions = actions;
        setId("screen-overview");
        welcome = welcome();
        connected.getStyleClass().add("screen");
        ScrollPane scroll = new ScrollPane(connected);
        scroll.setFitToWidth(true);
        getChildren().addAll(scroll, welcome);
        welcome.visibleProperty().bind(vm.sessionProperty().isNull().and(vm.connectingProperty().not())
                .and(vm.demoStartingProperty().not()));
        scroll.visibleProperty().bind(welcome.visibleProperty().not());
        vm.sessionProperty().addListener((o, a, b) -> refresh());
        vm.demoProperty().addListener((o, a, b) -> refresh());
        vm.statusTextProperty().addListener((o, a, b) -> {
            if (a == null || !a.equals(b)) {
                refresh();
            }
        });
        refresh();
    }

    private VBox welcome() {
        FontIcon icon = new FontIcon("fth-cloud-off");
        icon.getStyleClass().add("empty-state-icon");
        Label title = new Label();
        title.setId("welcome-title");
        title.getStyleClass().add("title-2");
        title.textProperty().bind(javafx.beans.binding.Bindings.when(vm.noKubeconfigProperty())
                .then("No kubeconfig found").otherwise("Not connected"));
        Label text = new Label("Open a kubeconfig to work with your cluster, or open the built-in demo cluster: "
                + "a local Kubernetes API with example Ingresses, certificates and their typical problems.");
        text.setWrapText(true);
        text.setMaxWidth(520);
        Label problem = new Label();
        problem.getStyleClass().add("text-danger");
        problem.textProperty().bind(vm.sourceProblemProperty());
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        Button open = new Button("Open kubeconfig…", new FontIcon("fth-folder"));
        open.setId("welcome-open-kubeconfig");
        open.setOnAction(e -> actions.openKubeconfig());
        Button demo = new Button("Open demo cluster", new FontIcon("fth-play-circle"));
        demo.setId("welcome-open-demo");
        demo.getStyleClass().add("accent");
        demo.setDefaultButton(true);
        demo.disableProperty().bind(vm.demoStartingProperty());
        demo.setOnAction(e -> actions.openDemoCluster());
        HBox buttons = new HBox(10, open, demo);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, icon, title, text, problem, buttons);
        box.getStyleClass().add("empty-state");
        box.setId("welcome");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private void refresh() {
        connected.getChildren().clear();
        Label title = new Label("Overview");
        title.getStyleClass().add("title-2");
        connected.getChildren().add(title);
        VBox conn = card("Connection");
        Label ctx = new Label("Context: " + (vm.selectedContextProperty().get() == null ? "—" : vm.selectedContextProperty().get()));
        ctx.setId("overview-context");
        Label state = new Label(vm.statusTextProperty().get());
        state.setId("overview-state");
        conn.getChildren().addAll(ctx, state);
        VBox problemsSummary = card("Problems");
        Label summary = new Label();
        summary.setId("overview-summary");
        summary.textProperty().bind(overview.summaryProperty());
        Label gateway = new Label();
        gateway.setId("overview-gateway-summary");
        gateway.textProperty().bind(overview.gatewaySummaryProperty());
        gateway.visibleProperty().bind(overview.gatewaySummaryProperty().isNotEmpty());
        gateway.managedProperty().bind(gateway.visibleProperty());
        problemsSummary.getChildren().addAll(summary, gateway);
        HBox top = new HBox(12, conn, problemsSummary);
        top.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        HBox middle = new HBox(12, namespacesCard(), expiringCard());
        middle.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        connected.getChildren().addAll(top, middle, problemsCard());
        DemoCluster demo = vm.demoProperty().get();
        if (demo != null && demo.contextName().equals(vm.selectedContextProperty().get())) {
            connected.getChildren().add(demoCard(demo));
        }
    }

    private VBox namespacesCard() {
        VBox card = card("Namespaces");
        TableView<NamespaceCount> table = new TableView<>(overview.namespaces());
        table.setId("overview-namespaces");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TableSupport.text("Namespace", NamespaceCount::namespace, 120));
        table.getColumns().add(TableSupport.text("Ingresses", n -> String.valueOf(n.ingresses()), 80));
        table.getColumns().add(TableSupport.text("Gateway API", n -> String.valueOf(n.gatewayApi()), 90));
        table.getColumns().add(TableSupport.text("TLS Secrets", n -> String.valueOf(n.tlsSecrets()), 80));
        table.getColumns().add(TableSupport.text("Errors", n -> String.valueOf(n.errors()), 60));
        table.getColumns().add(TableSupport.text("Warnings", n -> String.valueOf(n.warnings()), 70));
        table.setPrefHeight(200);
        card.getChildren().add(table);
        return card;
    }

    private VBox expiringCard() {
        VBox card = card("Expiring first");
        ListView<CertificateRow> list = new ListView<>(overview.expiring());
        list.setId("overview-expiring");
        list.setPrefHeight(200);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CertificateRow c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll(Status.allStyleClasses());
                if (empty || c == null || c.leaf().isEmpty()) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                var info = c.leaf().get();
                Status st = ExpiryBands.status(info.expiry());
                getStyleClass().add(st.styleClass());
                setGraphic(new FontIcon(st.iconLiteral()));
                setText(c.namespace() + "/" + c.name() + " — " + ExpiryBands.text(info.daysLeft(), info.expiry()));
                setTooltip(new Tooltip(info.displayName() + "\nNot after " + RelativeTime.absolute(info.notAfter())));
            }
        });
        card.getChildren().add(list);
        return card;
    }

    private VBox problemsCard() {
        VBox card = card("All problems, most severe first");
        VBox lines = new VBox(4);
        lines.setId("overview-problems");
        Runnable fill = () -> {
            lines.getChildren().clear();
            if (overview.problems().isEmpty()) {
                lines.getChildren().add(new Label("No problems found."));
            }
            overview.problems().forEach(d -> {
                Label l = DiagnosticLabel.of(d);
                l.setText(d.object().kind() + " " + d.object().path() + ": " + d.message());
                lines.getChildren().add(l);
            });
        };
        overview.problems().addListener((javafx.beans.Observable o) -> fill.run());
        fill.run();
        card.getChildren().add(lines);
        return card;
    }

    private VBox demoCard(DemoCluster demo) {
        VBox card = card("Demo cluster");
        card.setId("overview-demo");
        Label about = new Label("A local Kubernetes API server on " + demo.apiServerUrl()
                + ". The real kubectl works against it:");
        about.setWrapText(true);
        card.getChildren().addAll(about, copyable(demo.kubectlCommand(), "demo-kubectl-command"));
        Label scenarios = new Label("Scenarios");
        scenarios.getStyleClass().add("title-4");
        card.getChildren().add(scenarios);
        demo.scenarios().forEach(s -> {
            Label l = new Label(s.namespace() + "/" + s.ingressName() + " — " + s.description());
            l.setWrapText(true);
            card.getChildren().add(l);
        });
        if (!demo.gatewayScenarios().isEmpty()) {
            Label gateway = new Label("Gateway API scenarios");
            gateway.getStyleClass().add("title-4");
            card.getChildren().add(gateway);
            demo.gatewayScenarios().forEach(s -> {
                Label l = new Label(s.kind() + " " + s.namespace() + "/" + s.name() + " — " + s.description());
                l.setWrapText(true);
                card.getChildren().add(l);
            });
        }
        return card;
    }

    static HBox copyable(String value, String id) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("command-field");
        HBox.setHgrow(field, Priority.ALWAYS);
        Button copy = new Button(null, new FontIcon("fth-copy"));
        copy.setId(id + "-copy");
        copy.setTooltip(new Tooltip("Copy"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(value);
            Clipboard.getSystemClipboard().setContent(c);
        });
        return new HBox(6, field, copy);
    }

    private static VBox card(String heading) {
        Label h = new Label(heading);
        h.getStyleClass().add("title-3");
        VBox card = new VBox(h);
        card.getStyleClass().add("card-box");
        return card;
    }
}
