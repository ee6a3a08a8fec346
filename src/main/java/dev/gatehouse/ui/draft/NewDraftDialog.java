package dev.gatehouse.ui.draft;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.drafts.DraftTemplate;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for the few values a template needs. */
final class NewDraftDialog {
    record Answer(String namespace, String name, String host, String service, String gatewayNamespace, String gatewayName) {
    }

    private NewDraftDialog() {
    }

    static Optional<Answer> ask(Window owner, DraftTemplate template, ClusterSession session) {
        Dialog<Answer> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("New draft: " + template.label());
        d.getDialogPane().setId("new-draft-dialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        String ns = session == null ? "default" : session.scope().namespace().orElse("default");
        TextField namespace = field("new-draft-namespace", ns);
        TextField name = field("new-draft-name", "web");
        TextField host = field("new-draft-host", template == DraftTemplate.WILDCARD ? "apps.example.com" : "web.example.com");
        TextField service = field("new-draft-service", "web");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.addRow(0, new Label("Namespace"), namespace);
        g.addRow(1, new Label("Name"), name);
        g.addRow(2, new Label(template == DraftTemplate.WILDCARD ? "Domain" : "Host"), host);
        g.addRow(3, new Label("Service"), service);
        TextField gwNs = field("new-draft-gateway-namespace", "edge");
        TextField gwName = field("new-draft-gateway", "main");
        if (template.needsGateway()) {
            g.addRow(4, new Label(template == DraftTemplate.REFERENCE_GRANT ? "Gateways' namespace" : "Gateway namespace"), gwNs);
            if (template != DraftTemplate.REFERENCE_GRANT) {
                g.addRow(5, new Label("Gateway"), gwName);
            }
        }
        d.getDialogPane().setContent(g);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(name.textProperty().isEmpty()
                .or(namespace.textProperty().isEmpty()).or(host.textProperty().isEmpty()));
        d.setResultConverter(b -> b == ButtonType.OK ? new Answer(namespace.getText().trim(), name.getText().trim(),
                host.getText().trim(), service.getText().trim(), gwNs.getText().trim(), gwName.getText().trim()) : null);
        return d.showAndWait();
    }

    private static TextField field(String id, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        return f;
    }
}
