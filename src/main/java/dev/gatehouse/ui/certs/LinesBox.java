package dev.gatehouse.ui.certs;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Plain lines of text kept in step with a list (what a write changes, in words). */
final class LinesBox extends VBox {

    LinesBox(String id, ObservableList<String> lines) {
        super(2);
        setId(id);
        getStyleClass().add("lines-box");
        lines.addListener((ListChangeListener<String>) c -> show(lines));
        show(lines);
    }

    private void show(ObservableList<String> lines) {
        getChildren().setAll(lines.stream().map(l -> {
            Label label = new Label(l);
            label.setWrapText(true);
            return label;
        }).toList());
    }
}
