package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.write.YamlDiff;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A line diff as a compact list: only the changed lines with a little context (unchanged stretches
 * collapse into "⋯"), added lines green with "+", removed lines red with "−".
 */
final class DiffView extends ListView<YamlDiff.Line> {
    static final int CONTEXT = 2;

    DiffView(String id, ObservableList<YamlDiff.Line> lines) {
        super(FXCollections.observableArrayList());
        setId(id);
        getStyleClass().add("diff-view");
        setPlaceholder(new Label("No changes to show yet"));
        setPrefHeight(200);
        setFixedCellSize(20);
        lines.addListener((ListChangeListener<YamlDiff.Line>) c -> getItems().setAll(hunks(lines, CONTEXT)));
        getItems().setAll(hunks(lines, CONTEXT));
        setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(YamlDiff.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed", "diff-same", "diff-gap");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText((line.op() == '-' ? "− " : line.op() == '+' ? "+ " : "  ") + line.text());
                getStyleClass().add(line.op() == '+' ? "diff-added" : line.op() == '-' ? "diff-removed"
                        : line.op() == '~' ? "diff-gap" : "diff-same");
            }
        });
    }

    /** The changed lines with {@code context} unchanged lines around each; skipped stretches become one "⋯" line. */
    static List<YamlDiff.Line> hunks(List<YamlDiff.Line> lines, int context) {
        boolean[] keep = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).op() != ' ') {
                for (int j = Math.max(0, i - context); j <= Math.min(lines.size() - 1, i + context); j++) {
                    keep[j] = true;
                }
            }
        }
        List<YamlDiff.Line> out = new ArrayList<>();
        boolean gap = false;
        for (int i = 0; i < lines.size(); i++) {
            if (keep[i]) {
                if (gap) {
                    out.add(new YamlDiff.Line('~', "⋯"));
                    gap = false;
                }
                out.add(lines.get(i));
            } else {
                gap = true;
            }
        }
        if (gap && !out.isEmpty()) {
            out.add(new YamlDiff.Line('~', "⋯"));
        }
        return out;
    }
}
