package dev.gatehouse.ui.shell;

import dev.gatehouse.app.Version;
import dev.gatehouse.proxy.route.TlsProvider;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help → About: version, JavaFX and Java versions, and the TLS provider in use. */
public final class AboutDialog extends Dialog<Void> {

    public AboutDialog(Window owner, Image icon, TlsProvider tls) {
        initOwner(owner);
        setTitle("About Gatehouse");
        getDialogPane().setId("about-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        ImageView logo = new ImageView(icon);
        logo.setFitWidth(64);
        logo.setFitHeight(64);
        Label name = new Label("Gatehouse");
        name.getStyleClass().add("title-2");
        Label tagline = new Label("A workbench for TLS at the Kubernetes Ingress");
        tagline.getStyleClass().add("text-muted");

        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        row(facts, 0, "Version", Version.current(), "about-version");
        row(facts, 1, "JavaFX", System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?")), "about-javafx");
        row(facts, 2, "Java", Version.java(), "about-java");
        row(facts, 3, "TLS provider", tls.description(), "about-tls");

        VBox text = new VBox(4, name, tagline);
        HBox header = new HBox(16, logo, text);
        VBox content = new VBox(18, header, facts);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
    }

    private static void row(GridPane grid, int row, String key, String value, String id) {
        Label k = new Label(key);
        k.getStyleClass().add("text-muted");
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        grid.addRow(row, k, v);
    }
}
