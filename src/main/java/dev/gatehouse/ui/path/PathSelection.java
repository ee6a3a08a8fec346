package dev.gatehouse.ui.path;

import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.path.PathDiagram.Detail;
import dev.gatehouse.ui.path.PathDiagram.Element;
import dev.gatehouse.ui.path.PathDiagram.Lane;
import dev.gatehouse.ui.path.PathDiagram.NodeInfo;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The box or leg the user clicked, kept by lane key so it survives live updates, and what the details
 * panel shows for it.
 */
public final class PathSelection {

    /** Which part of which lane. */
    public record Selected(String laneKey, Element element) {
    }

    /**
     * What the details panel shows.
     *
     * @param heading     e.g. {@code Ingress controller}
     * @param subheading  e.g. the host
     * @param lane        the lane's title
     * @param status      its state
     * @param statusText  the state in words
     * @param details     label/value lines
     * @param diagnostics the diagnostics about it, most serious first
     * @param probeHost   the host "Probe live" connects for (the controller box of an exact host), if any
     */
    public record Details(String heading, String subheading, String lane, Status status, String statusText,
                          List<Detail> details, List<Diagnostic> diagnostics, Optional<String> probeHost) {
    }

    private final ReadOnlyObjectWrapper<Selected> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>();
    private PathDiagram diagram;

    public void select(String laneKey, Element element) {
        selected.set(new Selected(laneKey, element));
        refresh(diagram);
    }

    public void clear() {
        selected.set(null);
        details.set(null);
    }

    /** Shows the selected part as it is in the new diagram; clears the selection when its lane is gone. */
    void refresh(PathDiagram now) {
        diagram = now;
        Selected s = selected.get();
        if (s == null) {
            return;
        }
        Optional<Lane> lane = now == null ? Optional.empty()
                : now.lanes().stream().filter(l -> l.key().equals(s.laneKey()) && l.elements().contains(s.element()))
                .findFirst();
        if (lane.isEmpty()) {
            clear();
            return;
        }
        details.set(describe(lane.get(), s.element()));
    }

    static Details describe(Lane lane, Element element) {
        if (element.leg()) {
            Leg leg = lane.leg(element);
            return new Details(NodeFacts.capitalise(leg.kind().label()), leg.label(), lane.title(),
                    protectionStatus(leg.protection()), leg.label(),
                    List.of(new Detail("Protection", leg.label()), new Detail("What happens", leg.detail())), List.of(),
                    Optional.empty());
        }
        NodeInfo node = lane.node(element);
        Optional<String> probe = Optional.empty();
        if (element == Element.CONTROLLER) {
            // An Ingress lane's controller box names its host; a Gateway lane's listener box its listener, the
            // lane's title starts with the host.
            probe = exactHost(node.subtitle()).or(() -> lane.route().isPresent()
                    ? exactHost(lane.title().strip().split("\\s+")[0]) : Optional.empty());
        }
        return new Details(node.title(), node.subtitle(), lane.title(), node.status(), node.statusText(),
                node.details(), node.diagnostics(), probe);
    }

    private static Optional<String> exactHost(String text) {
        HostPattern host = HostPattern.parse(text);
        return host.kind() == HostPattern.Kind.EXACT && host.valid() ? Optional.of(host.host()) : Optional.empty();
    }

    /** The UI.md colour of a leg's protection. */
    static Status protectionStatus(Leg.Protection protection) {
        return switch (protection) {
            case TLS, REENCRYPTED_VERIFIED, MUTUAL_TLS -> Status.OK;
            case TLS_PROBLEM -> Status.ERROR;
            case PLAIN, REENCRYPTED_UNVERIFIED -> Status.WARNING;
            case PASSTHROUGH, NONE -> Status.UNKNOWN;
        };
    }

    public ReadOnlyObjectProperty<Selected> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }
}
