package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.write.YamlDiff;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** A line diff as a list: added lines green with "+", removed lines red with "−", the rest muted. */
final class DiffView extends ListView<YamlDiff.Line> {

    DiffView(String id, ObservableList<YamlDiff.Line> lines) {
        super(lines);
        setId(id);
        getStyleClass().add("diff-view");
        setPlaceholder(new javafx.scene.control.Label("No changes to show yet"));
        setPrefHeight(220);
        setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(YamlDiff.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed", "diff-same");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText((line.op() == '-' ? "− " : line.op() == '+' ? "+ " : "  ") + line.text());
                getStyleClass().add(line.op() == '+' ? "diff-added" : line.op() == '-' ? "diff-removed" : "diff-same");
            }
        });
    }
}
