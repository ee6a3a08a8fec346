package dev.gatehouse.ui.path;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.ui.path.PathDiagram.Element;
import dev.gatehouse.ui.path.PathDiagram.Lane;
import dev.gatehouse.ui.path.PathDiagramBuilder.LanePlacementFacts;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts each diagnostic on the box it concerns: certificate and TLS problems on the controller, backend
 * problems on the Service, missing ready endpoints on the Pods. A diagnostic about an Ingress that
 * names hosts goes only to the lanes of those hosts. What concerns no single box is listed above the lanes.
 */
final class DiagnosticPlacement {

    private static final Set<DiagnosticCode> BACKEND = Set.of(DiagnosticCode.GH401, DiagnosticCode.GH402,
            DiagnosticCode.GH404, DiagnosticCode.GH601, DiagnosticCode.GH602);

    private DiagnosticPlacement() {
    }

    /**
     * @param diagram the diagram without badges
     * @param report  every diagnostic of the snapshot
     * @param owners  the Ingresses the target is about (their other diagnostics are listed above the lanes)
     * @param facts   what each lane uses, in lane order
     */
    static PathDiagram place(PathDiagram diagram, DiagnosticReport report, List<ObjectRef> owners,
                             List<LanePlacementFacts> facts) {
        List<Map<Element, List<Diagnostic>>> perLane = new ArrayList<>();
        facts.forEach(f -> perLane.add(new EnumMap<>(Element.class)));
        List<Diagnostic> unplaced = new ArrayList<>();
        for (Diagnostic d : report.diagnostics()) {
            boolean placed = false;
            for (int i = 0; i < facts.size(); i++) {
                Element element = elementFor(d, facts.get(i), facts);
                if (element != null) {
                    perLane.get(i).computeIfAbsent(element, e -> new ArrayList<>()).add(d);
                    placed = true;
                }
            }
            if (!placed && owners.contains(d.object())) {
                unplaced.add(d);
            }
        }
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < diagram.lanes().size(); i++) {
            Lane l = diagram.lanes().get(i);
            lanes.add(l.withDiagnostics(perLane.get(i)));
        }
        return new PathDiagram(diagram.target(), diagram.title(), diagram.notice(), lanes, unplaced,
                diagram.explanation());
    }

    /** The box of this lane the diagnostic concerns, or null. */
    private static Element elementFor(Diagnostic d, LanePlacementFacts lane, List<LanePlacementFacts> all) {
        ObjectRef object = d.object();
        switch (object.kind()) {
            case "Secret" -> {
                if (lane.tlsSecret().filter(object::equals).isPresent()
                        || lane.clientCaSecret().filter(object::equals).isPresent()) {
                    return Element.CONTROLLER;
                }
                return lane.proxySecret().filter(object::equals).isPresent() ? Element.SERVICE : null;
            }
            case "Service" -> {
                return lane.service().filter(object::equals).isPresent() ? Element.SERVICE : null;
            }
            case "Ingress" -> {
                return object.equals(lane.ingress()) ? ingressElement(d, lane, all) : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static Element ingressElement(Diagnostic d, LanePlacementFacts lane, List<LanePlacementFacts> all) {
        ResolvedBackend.State state = lane.backendState();
        switch (d.code()) {
            case GH401 -> {
                return state == ResolvedBackend.State.SERVICE_MISSING ? Element.SERVICE : null;
            }
            case GH402 -> {
                return state == ResolvedBackend.State.PORT_MISSING ? Element.SERVICE : null;
            }
            case GH403 -> {
                return state == ResolvedBackend.State.NO_READY_ENDPOINTS ? Element.PODS : null;
            }
            case GH404 -> {
                return state == ResolvedBackend.State.RESOURCE_BACKEND || state == ResolvedBackend.State.INVALID
                        ? Element.SERVICE : null;
            }
            default -> {
                if (BACKEND.contains(d.code())) {
                    return Element.SERVICE;
                }
                return aboutThisHost(d, lane, all) ? Element.CONTROLLER : null;
            }
        }
    }

    /** True unless the message names hosts of other lanes of the same Ingress and not this lane's host. */
    private static boolean aboutThisHost(Diagnostic d, LanePlacementFacts lane, List<LanePlacementFacts> all) {
        boolean namesAnyHost = all.stream().filter(o -> o.ingress().equals(lane.ingress()) && !o.host().isEmpty())
                .anyMatch(o -> mentions(d.message(), o.host()));
        return !namesAnyHost || !lane.host().isEmpty() && mentions(d.message(), lane.host());
    }

    private static boolean mentions(String message, String host) {
        int at = message.indexOf(host);
        while (at >= 0) {
            int end = at + host.length();
            boolean startOk = at == 0 || !isHostChar(message.charAt(at - 1));
            boolean endOk = end == message.length() || !isHostChar(message.charAt(end))
                    || message.charAt(end) == '.' && (end + 1 == message.length() || !isHostChar(message.charAt(end + 1)));
            if (startOk && endOk) {
                return true;
            }
            at = message.indexOf(host, at + 1);
        }
        return false;
    }

    private static boolean isHostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '*';
    }
}
