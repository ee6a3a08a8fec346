package dev.gatehouse.ui.draft;

import dev.gatehouse.ui.common.Status;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shown after a 409: base, live and draft side by side, and "Rebase onto live". Nothing was overwritten. */
final class ConflictPane extends VBox {
    ConflictPane(DraftsViewModel vm) {
        setId("draft-conflict");
        setSpacing(6);
        Label title = new Label("", new FontIcon(Status.ERROR.iconLiteral()));
        title.getStyleClass().addAll("banner", Status.ERROR.styleClass());
        title.setWrapText(true);
        TextArea base = area("draft-conflict-base");
        TextArea live = area("draft-conflict-live");
        TextArea draft = area("draft-conflict-draft");
        HBox three = new HBox(6, column("Base (what the draft started from)", base), column("Live now", live),
                column("Your draft", draft));
        Button rebase = new Button("Rebase onto live", new FontIcon("fth-git-merge"));
        rebase.setId("draft-rebase");
        rebase.setOnAction(e -> vm.rebaseOntoLive());
        getChildren().addAll(title, three, rebase);
        visibleProperty().bind(vm.conflictProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        vm.conflictProperty().addListener((o, a, c) -> {
            if (c != null) {
                title.setText(c.message() + ". Nothing was overwritten. Compare, then rebase your draft onto the live object.");
                base.setText(c.base());
                live.setText(c.live());
                draft.setText(c.draft());
            }
        });
    }

    private static VBox column(String heading, TextArea area) {
        VBox v = new VBox(4, new Label(heading), area);
        HBox.setHgrow(v, Priority.ALWAYS);
        return v;
    }

    private static TextArea area(String id) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setEditable(false);
        t.setPrefRowCount(10);
        t.getStyleClass().add("mono");
        return t;
    }
}
