package dev.gatehouse.ui.proxy;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** The request tester: the request on the left, what came back (status, chain, decision, response) on the right. */
final class RequestTesterPane extends SplitPane {

    RequestTesterPane(RequestTester tester, ObservableList<ClientCertificateChoice> certificates) {
        setId("proxy-tester");
        ComboBox<String> method = new ComboBox<>(FXCollections.observableArrayList("GET", "HEAD", "POST", "PUT",
                "DELETE", "OPTIONS"));
        method.setId("tester-method");
        method.setEditable(true);
        method.valueProperty().bindBidirectional(tester.methodProperty());
        TextField url = new TextField();
        url.setId("tester-url");
        url.setPromptText("https://shop.example.com/path");
        url.textProperty().bindBidirectional(tester.urlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        TextField sni = new TextField();
        sni.setId("tester-sni");
        sni.setPromptText("the URL's host (as browsers and curl send it)");
        sni.textProperty().bindBidirectional(tester.sniProperty());
        TextArea headers = new TextArea();
        headers.setId("tester-headers");
        headers.setPromptText("Name: value, one per line");
        headers.setPrefRowCount(3);
        headers.textProperty().bindBidirectional(tester.headersProperty());
        ComboBox<ClientCertificateChoice> cert = new ComboBox<>(certificates);
        cert.setId("tester-client-cert");
        cert.setPromptText("None");
        cert.setMaxWidth(Double.MAX_VALUE);
        cert.valueProperty().bindBidirectional(tester.clientCertificateProperty());
        cert.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClientCertificateChoice c) {
                return c == null ? "None" : c.label();
            }

            @Override
            public ClientCertificateChoice fromString(String s) {
                return null;
            }
        });
        Button clearCert = new Button("None");
        clearCert.setOnAction(e -> cert.setValue(null));
        Button send = new Button("Send through the proxy", new FontIcon("fth-send"));
        send.setId("tester-send");
        send.getStyleClass().add("accent");
        send.setDefaultButton(true);
        send.disableProperty().bind(tester.sendingProperty());
        send.setOnAction(e -> tester.send());
        Label error = new Label();
        error.setId("tester-error");
        error.getStyleClass().add("status-error");
        error.setWrapText(true);
        error.textProperty().bind(tester.errorProperty());
        method.setPrefWidth(110);
        method.setMinWidth(Region.USE_PREF_SIZE);
        clearCert.setMinWidth(Region.USE_PREF_SIZE);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label("Request"), new HBox(6, method, url));
        form.addRow(1, new Label("SNI"), sni);
        form.addRow(2, new Label("Headers"), headers);
        form.addRow(3, new Label("Client certificate"), new HBox(6, cert, clearCert));
        HBox.setHgrow(cert, Priority.ALWAYS);
        Label curlLabel = new Label();
        curlLabel.setId("tester-curl");
        curlLabel.getStyleClass().add("mono");
        curlLabel.setWrapText(true);
        curlLabel.textProperty().bind(tester.curlProperty());
        Button copy = new Button(null, new FontIcon("fth-copy"));
        copy.getStyleClass().addAll("flat", "button-icon");
        copy.visibleProperty().bind(tester.curlProperty().isNotEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(tester.curlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox curlRow = new HBox(6, copy, curlLabel);
        curlRow.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(10, form, send, error, curlRow);
        left.getStyleClass().add("proxy-tab");

        Label status = new Label();
        status.setId("tester-status");
        status.getStyleClass().add("title-4");
        status.textProperty().bind(tester.statusProperty());
        VBox right = new VBox(8, status,
                section("Route decision (the engine's)", area("tester-decision", tester.decisionProperty(), 6)),
                section("Certificate chain presented", area("tester-chain", tester.chainProperty(), 6)),
                section("Response headers", area("tester-headers-out", tester.responseHeadersProperty(), 6)),
                section("Response body (start)", area("tester-body", tester.bodyProperty(), 8)));
        right.getStyleClass().add("proxy-tab");
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        getItems().addAll(left, scroll);
        setDividerPositions(0.45);
    }

    private static VBox section(String title, TextArea area) {
        Label l = new Label(title);
        l.getStyleClass().add("detail-title");
        return new VBox(4, l, area);
    }

    private static TextArea area(String id, javafx.beans.property.StringProperty text, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.getStyleClass().add("mono");
        a.textProperty().bind(text);
        return a;
    }
}
