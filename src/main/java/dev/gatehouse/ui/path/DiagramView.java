package dev.gatehouse.ui.path;

import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.path.PathDiagram.Element;
import dev.gatehouse.ui.path.PathDiagram.Lane;
import dev.gatehouse.ui.path.PathSelection.Selected;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The diagram itself: a heading, the target's diagnostics that concern no single box, then one lane per
 * path (client → controller [→ route rule, for a Gateway] → Service → Pods), and a legend of the line styles. The explained
 * request's lane is highlighted and the others dimmed. This node is what "Export PNG" renders.
 */
final class DiagramView extends VBox {

    DiagramView() {
        setId("path-diagram");
        getStyleClass().add("path-diagram");
        setSpacing(14);
    }

    void show(PathDiagram d, Selected selected, BiConsumer<String, Element> onSelect) {
        getChildren().clear();
        if (d == null) {
            return;
        }
        Label title = new Label(d.title());
        title.setId("path-title");
        title.getStyleClass().add("title-4");
        getChildren().add(title);
        for (int i = 0; i < d.unplaced().size(); i++) {
            getChildren().add(unplaced(d.unplaced().get(i), "path-unplaced-" + i));
        }
        d.notice().ifPresent(n -> {
            Label notice = new Label(n, new FontIcon("fth-info"));
            notice.setId("path-notice");
            notice.setWrapText(true);
            notice.getStyleClass().add("text-muted");
            getChildren().add(notice);
        });
        boolean anyHighlighted = d.highlighted().isPresent();
        for (int i = 0; i < d.lanes().size(); i++) {
            getChildren().add(lane(d.lanes().get(i), i, anyHighlighted, selected, onSelect));
        }
        if (!d.lanes().isEmpty()) {
            getChildren().add(legend());
        }
    }

    private static Node unplaced(Diagnostic d, String id) {
        Status status = d.severity() == Severity.ERROR ? Status.ERROR : d.severity() == Severity.WARNING
                ? Status.WARNING : Status.UNKNOWN;
        Label label = new Label(d.message() + "  (" + d.code() + ")", new FontIcon(status.iconLiteral()));
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().addAll("path-unplaced", status.styleClass());
        return label;
    }

    private static VBox lane(Lane lane, int index, boolean anyHighlighted, Selected selected,
                             BiConsumer<String, Element> onSelect) {
        Label title = new Label(lane.title());
        title.getStyleClass().add("path-lane-title");
        Label subtitle = new Label(lane.subtitle());
        subtitle.getStyleClass().add("text-muted");
        VBox box = new VBox(6, title, subtitle);
        box.setId("path-lane-" + index);
        box.getStyleClass().add("path-lane");
        switch (lane.kind()) {
            case SHADOWED -> box.getStyleClass().add("path-lane-shadowed");
            case DEFAULT_BACKEND -> box.getStyleClass().add("path-lane-default");
            default -> {
            }
        }
        if (lane.highlighted()) {
            box.getStyleClass().add("path-lane-highlighted");
        } else if (anyHighlighted) {
            box.getStyleClass().add("path-lane-dimmed");
        }
        lane.note().ifPresent(n -> {
            Label note = new Label(n, new FontIcon(lane.highlighted() ? "fth-navigation" : "fth-info"));
            note.setId("path-lane-" + index + "-note");
            note.setWrapText(true);
            note.getStyleClass().add("path-lane-note");
            box.getChildren().add(note);
        });
        GridPane row = new GridPane();
        row.setHgap(0);
        row.setAlignment(Pos.CENTER_LEFT);
        int c = 0;
        Element previous = null;
        boolean compact = lane.route().isPresent();
        double width = compact ? NodeView.COMPACT_WIDTH : NodeView.WIDTH;
        for (Element e : lane.elements()) {
            if (previous != null && !previous.leg() && !e.leg()) {
                row.getColumnConstraints().add(fixed(ROUTE_LINK));
                Label link = new Label("→");
                link.getStyleClass().add("path-route-link");
                link.setId("path-link-" + index + "-" + e.id());
                row.add(link, c++, 0);
            }
            row.getColumnConstraints().add(e.leg() ? growing(compact ? 72 : 100) : fixed(width));
            boolean isSelected = selected != null && selected.laneKey().equals(lane.key()) && selected.element() == e;
            String id = (e.leg() ? "path-leg-" : "path-node-") + index + "-" + e.id();
            Runnable click = () -> onSelect.accept(lane.key(), e);
            Node node = e.leg() ? new LegView(lane.leg(e), id, isSelected, click)
                    : new NodeView(lane.node(e), id, icon(e), isSelected, click, width);
            row.add(node, c++, 0);
            previous = e;
        }
        box.getChildren().add(row);
        return box;
    }

    /** Width of the arrow between a Gateway listener and its route rule: both are inside the Gateway. */
    private static final double ROUTE_LINK = 22;

    private static ColumnConstraints fixed(double width) {
        ColumnConstraints cc = new ColumnConstraints();
        cc.setMinWidth(width);
        cc.setPrefWidth(width);
        return cc;
    }

    private static ColumnConstraints growing(double min) {
        ColumnConstraints cc = new ColumnConstraints();
        cc.setMinWidth(min);
        cc.setPrefWidth(140);
        cc.setHgrow(Priority.ALWAYS);
        return cc;
    }

    private static String icon(Element e) {
        return switch (e) {
            case CLIENT -> "fth-monitor";
            case CONTROLLER -> "fth-shield";
            case ROUTE -> "fth-git-branch";
            case SERVICE -> "fth-server";
            default -> "fth-box";
        };
    }

    /** The line styles, so an exported PNG reads on its own. */
    private static Node legend() {
        FlowPane legend = new FlowPane(18, 6);
        legend.setId("path-legend");
        legend.getStyleClass().add("path-legend");
        for (Leg.Protection p : List.of(Leg.Protection.TLS, Leg.Protection.TLS_PROBLEM, Leg.Protection.PLAIN,
                Leg.Protection.REENCRYPTED_UNVERIFIED, Leg.Protection.REENCRYPTED_VERIFIED, Leg.Protection.MUTUAL_TLS)) {
            LegView sample = new LegView(new Leg(Leg.Kind.CONTROLLER_TO_SERVICE, p, legendText(p), legendText(p)),
                    "path-legend-" + LegView.styleClass(p), false, () -> { });
            sample.setMinWidth(150);
            sample.setPrefWidth(150);
            sample.setMaxWidth(150);
            legend.getChildren().add(sample);
        }
        return legend;
    }

    private static String legendText(Leg.Protection p) {
        return switch (p) {
            case TLS -> "TLS, certificate valid";
            case TLS_PROBLEM -> "TLS with a problem";
            case PLAIN -> "HTTP · unencrypted";
            case REENCRYPTED_UNVERIFIED -> "Re-encrypted, not verified";
            case REENCRYPTED_VERIFIED -> "Re-encrypted and verified";
            case MUTUAL_TLS -> "Mutual TLS";
            default -> p.name();
        };
    }
}
