package dev.gatehouse.ui.certs;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Findings as lines with the status icon and colour (never colour alone), kept in step with a list. */
final class FindingsBox extends VBox {

    FindingsBox(String id, ObservableList<Finding> findings) {
        super(4);
        setId(id);
        getStyleClass().add("findings");
        findings.addListener((ListChangeListener<Finding>) c -> show(findings));
        show(findings);
    }

    private void show(ObservableList<Finding> findings) {
        getChildren().setAll(findings.stream().map(FindingsBox::line).toList());
        setVisible(!findings.isEmpty());
        setManaged(!findings.isEmpty());
    }

    static Label line(Finding f) {
        Label l = new Label(f.text(), new FontIcon(f.status().iconLiteral()));
        l.getStyleClass().addAll("finding", f.status().styleClass());
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
