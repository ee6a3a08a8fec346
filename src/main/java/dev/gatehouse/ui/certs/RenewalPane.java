package dev.gatehouse.ui.certs;

import dev.gatehouse.certmanager.RenewalStory;
import dev.gatehouse.ui.common.Status;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * cert-manager's renewal chain of the selected Secret: the answer in one line (coloured), the fix, then each
 * step — Certificate, Issuer, CertificateRequest, Order, Challenges — with its state, details and events, the
 * blocking one marked.
 */
final class RenewalPane extends VBox {

    private final RenewalViewModel vm;
    private final Label headline = new Label();
    private final Label fix = new Label();
    private final VBox steps = new VBox(6);
    private final VBox notes = new VBox(2);

    RenewalPane(RenewalViewModel vm) {
        this.vm = vm;
        setId("cert-renewal");
        headline.setId("renewal-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());
        fix.setId("renewal-fix");
        fix.setWrapText(true);
        fix.textProperty().bind(Bindings.createStringBinding(() -> vm.fixProperty().get().isEmpty() ? ""
                : "Fix: " + vm.fixProperty().get(), vm.fixProperty()));
        fix.visibleProperty().bind(vm.fixProperty().isNotEmpty());
        fix.managedProperty().bind(fix.visibleProperty());
        steps.setId("renewal-steps");
        notes.getStyleClass().add("text-muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Button refresh = new Button("Check again", new FontIcon("fth-rotate-ccw"));
        refresh.setId("renewal-refresh");
        refresh.disableProperty().bind(vm.loadingProperty());
        refresh.setOnAction(e -> vm.refresh());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(headline, Priority.ALWAYS);
        headline.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(8, busy, headline, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        fix.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(new VBox(6, steps, notes));
        scroll.setFitToWidth(true);
        scroll.setId("renewal-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setSpacing(6);
        setPadding(new Insets(8));
        getChildren().setAll(top, fix, scroll);
        vm.statusProperty().addListener((o, a, s) -> colour(s));
        colour(vm.statusProperty().get());
        vm.steps().addListener((ListChangeListener<RenewalStory.Step>) c -> rebuild());
    }

    /** The answer in one line, for the detail's warnings: shown while a cert-manager Secret is selected. */
    static Label summaryLine(RenewalViewModel vm) {
        Label line = new Label();
        line.setId("renewal-summary");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.textProperty().bind(Bindings.createStringBinding(() -> "cert-manager: " + vm.headlineProperty().get(),
                vm.headlineProperty()));
        vm.statusProperty().addListener((o, a, s) -> {
            line.getStyleClass().removeAll(Status.allStyleClasses());
            line.getStyleClass().add(s.styleClass());
            line.setGraphic(new FontIcon(s.iconLiteral()));
        });
        line.visibleProperty().bind(vm.shownProperty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private void colour(Status s) {
        headline.getStyleClass().removeAll(Status.allStyleClasses());
        headline.getStyleClass().add(s.styleClass());
        headline.setGraphic(new FontIcon(s.iconLiteral()));
    }

    private void rebuild() {
        steps.getChildren().clear();
        int i = 0;
        for (RenewalStory.Step step : vm.steps()) {
            Status s = RenewalViewModel.status(step.state());
            Label title = new Label(step.title() + " — " + step.summary(), new FontIcon(s.iconLiteral()));
            title.getStyleClass().addAll(s.styleClass(), step.state() == RenewalStory.State.BLOCKED ? "detail-title"
                    : "kv-key");
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            VBox box = new VBox(2, title);
            box.setId("renewal-step-" + i++);
            box.getProperties().put("state", step.state().name());
            step.details().forEach(d -> box.getChildren().add(small(d, "kv-value")));
            step.events().forEach(e -> box.getChildren().add(small("Event: " + e, "text-muted")));
            box.setPadding(new Insets(0, 0, 0, 18));
            steps.getChildren().add(box);
        }
        notes.getChildren().setAll(vm.notes().stream().map(n -> small(n, "text-muted")).toList());
    }

    private static Label small(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }
}
