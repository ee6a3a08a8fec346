package dev.gatehouse.ui.path;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.TraceStep;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.StatusBadge;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Explain a request": method, URL, optional SNI and client certificate; the outcome, and the trace of
 * why each candidate was chosen, lost or ignored. The lane it takes lights up in the diagram.
 */
final class ExplainBox extends VBox {
    private final TextField url = new TextField();
    private final StatusBadge result = new StatusBadge();
    private final Label summary = new Label();
    private final VBox trace = new VBox(3);
    private final TitledPane tracePane = new TitledPane("Why", null);

    ExplainBox(PathViewModel vm) {
        setId("path-explain");
        getStyleClass().add("path-explain");
        ComboBox<String> method = new ComboBox<>(FXCollections.observableArrayList("GET", "POST", "PUT", "PATCH",
                "DELETE", "HEAD", "OPTIONS"));
        method.setId("path-explain-method");
        method.setEditable(true);
        method.setPrefWidth(105);
        method.valueProperty().bindBidirectional(vm.methodProperty());
        url.setId("path-explain-url");
        url.setPromptText("Explain a URL, e.g. https://shop.example.com/api  (Ctrl+L)");
        url.textProperty().bindBidirectional(vm.urlProperty());
        url.setOnAction(e -> vm.explain());
        HBox.setHgrow(url, Priority.ALWAYS);
        TextField sni = new TextField();
        sni.setId("path-explain-sni");
        sni.setPromptText("SNI (default: the URL host)");
        sni.setPrefWidth(220);
        sni.textProperty().bindBidirectional(vm.sniProperty());
        sni.setOnAction(e -> vm.explain());
        TextField headers = new TextField();
        headers.setId("path-explain-headers");
        headers.setPromptText("Headers, e.g. X-Canary: always; X-Team: ops");
        headers.setPrefWidth(260);
        headers.textProperty().bindBidirectional(vm.headersProperty());
        headers.setOnAction(e -> vm.explain());
        CheckBox noSni = new CheckBox("No SNI");
        noSni.setId("path-explain-no-sni");
        noSni.selectedProperty().bindBidirectional(vm.noSniProperty());
        sni.disableProperty().bind(noSni.selectedProperty());
        ChoiceBox<ClientCertificate.Presence> cert = new ChoiceBox<>(FXCollections.observableArrayList(
                ClientCertificate.Presence.values()));
        cert.setId("path-explain-client-cert");
        cert.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClientCertificate.Presence p) {
                return p == null ? "" : switch (p) {
                    case NONE -> "No client certificate";
                    case TRUSTED -> "Trusted client certificate";
                    case UNTRUSTED -> "Untrusted client certificate";
                };
            }

            @Override
            public ClientCertificate.Presence fromString(String s) {
                return null;
            }
        });
        cert.valueProperty().bindBidirectional(vm.clientCertificateProperty());
        Button run = new Button("Explain", new FontIcon("fth-search"));
        run.setId("path-explain-run");
        run.getStyleClass().add("accent");
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.setOnAction(e -> vm.explain());
        Button clear = new Button("Clear");
        clear.setId("path-explain-clear");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> vm.clearExplain());
        noSni.setMinWidth(Region.USE_PREF_SIZE);
        sni.setMinWidth(160);
        headers.setMinWidth(200);
        cert.setMinWidth(Region.USE_PREF_SIZE);
        Label how = new Label("SNI picks the certificate; Host (on a Gateway also method, headers, query) the route.");
        how.getStyleClass().add("text-muted");
        how.setMinWidth(0);
        HBox inputs = new HBox(8, method, url, run, clear);
        inputs.setAlignment(Pos.CENTER_LEFT);
        HBox options = new HBox(8, sni, noSni, headers, cert, how);
        options.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("path-explain-error");
        error.getStyleClass().add("path-explain-error");
        error.setGraphic(new FontIcon("fth-alert-circle"));
        error.textProperty().bind(vm.explainErrorProperty());
        error.visibleProperty().bind(vm.explainErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        result.setId("path-explain-result");
        summary.setId("path-explain-summary");
        summary.setWrapText(true);
        HBox outcome = new HBox(8, result, summary);
        outcome.setAlignment(Pos.CENTER_LEFT);
        trace.setId("path-trace");
        ScrollPane traceScroll = new ScrollPane(trace);
        traceScroll.setFitToWidth(true);
        traceScroll.setPrefViewportHeight(110);
        traceScroll.setMinViewportHeight(70);
        tracePane.setId("path-trace-pane");
        tracePane.setContent(traceScroll);
        VBox answer = new VBox(6, outcome, tracePane);
        answer.visibleProperty().bind(vm.explanationProperty().isNotNull());
        answer.managedProperty().bind(answer.visibleProperty());
        getChildren().addAll(inputs, options, error, answer);
        setSpacing(6);
        vm.explanationProperty().addListener((o, a, e) -> show(e));
    }

    TextField urlField() {
        return url;
    }

    private void show(Explanation e) {
        trace.getChildren().clear();
        if (e == null) {
            return;
        }
        int status = e.decision().status();
        result.show(status == 0 ? Status.UNKNOWN : status < 400 ? Status.OK : Status.ERROR,
                status == 0 ? "passthrough" : String.valueOf(status));
        summary.setText(e.decision().summary() + e.route().map(r -> "").orElse(" (no lane of an Ingress)"));
        for (int i = 0; i < e.trace().size(); i++) {
            trace.getChildren().add(step(e.trace().get(i), "path-trace-" + i));
        }
        tracePane.setText("Why: " + e.trace().size() + " steps, the candidates chosen, lost and ignored");
    }

    private static Label step(TraceStep step, String id) {
        String icon = switch (step.verdict()) {
            case CHOSEN -> "fth-check-circle";
            case LOST -> "fth-x-circle";
            case IGNORED -> "fth-slash";
            case NOTE -> "fth-info";
        };
        String stage = step.stage().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        Label label = new Label(step.verdict().name().toLowerCase(Locale.ROOT) + " · " + stage + " · " + step.subject()
                + ": " + step.reason(), new FontIcon(icon));
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().addAll("path-trace-step", "trace-" + step.verdict().name().toLowerCase(Locale.ROOT));
        return label;
    }
}
