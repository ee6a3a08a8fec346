package dev.gatehouse.ui.path;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.gateway.CertificateRef;
import dev.gatehouse.routing.gateway.GatewayBackend;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.ui.path.PathDiagram.Element;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts each diagnostic of a Gateway diagram on the box it concerns: a Gateway's on the listener it names (or
 * above the lanes), a listener certificate's on that listener, a route's on its rule box, a Service's or
 * BackendTLSPolicy's on the Service. What concerns no box but belongs to the Gateway or a route naming it is
 * listed above the lanes.
 */
final class GatewayPlacement {

    /** What a lane uses. */
    record Facts(GatewayListener listener, ObjectRef route, Optional<GatewayBackend> backend) {
    }

    private GatewayPlacement() {
    }

    static PathDiagram place(PathDiagram diagram, DiagnosticReport report, List<ObjectRef> owners, List<Facts> facts) {
        List<Map<Element, List<Diagnostic>>> perLane = new ArrayList<>();
        facts.forEach(f -> perLane.add(new EnumMap<>(Element.class)));
        List<Diagnostic> unplaced = new ArrayList<>();
        for (Diagnostic d : report.diagnostics()) {
            boolean placed = false;
            for (int i = 0; i < facts.size(); i++) {
                Element element = elementFor(d, facts.get(i));
                if (element != null) {
                    perLane.get(i).computeIfAbsent(element, e -> new ArrayList<>()).add(d);
                    placed = true;
                }
            }
            if (!placed && owners.contains(d.object())) {
                unplaced.add(d);
            }
        }
        List<PathDiagram.Lane> lanes = new ArrayList<>();
        for (int i = 0; i < diagram.lanes().size(); i++) {
            lanes.add(diagram.lanes().get(i).withDiagnostics(perLane.get(i)));
        }
        return new PathDiagram(diagram.target(), diagram.title(), diagram.notice(), lanes, unplaced,
                diagram.explanation());
    }

    private static Element elementFor(Diagnostic d, Facts lane) {
        ObjectRef object = d.object();
        switch (object.kind()) {
            case "Gateway" -> {
                return object.equals(lane.listener().gateway()) && namesListener(d.message(), lane.listener().name())
                        ? Element.CONTROLLER : null;
            }
            case "Secret" -> {
                return lane.listener().certificates().stream().map(CertificateRef::secret).anyMatch(object::equals)
                        ? Element.CONTROLLER : null;
            }
            case "HTTPRoute", "TLSRoute", "GRPCRoute" -> {
                return object.equals(lane.route()) ? Element.ROUTE : null;
            }
            case "Service" -> {
                return lane.backend().filter(b -> b.ref().namespace().equals(object.namespace())
                        && b.ref().name().equals(object.name())).isPresent() ? Element.SERVICE : null;
            }
            case "BackendTLSPolicy" -> {
                return lane.backend().flatMap(GatewayBackend::policy).filter(object::equals).isPresent()
                        ? Element.SERVICE : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** The message speaks of {@code listener NAME} (not of a listener whose name only starts like it). */
    private static boolean namesListener(String text, String name) {
        String message = text.toLowerCase(java.util.Locale.ROOT);
        String needle = "listener " + name.toLowerCase(java.util.Locale.ROOT);
        int at = message.indexOf(needle);
        while (at >= 0) {
            int end = at + needle.length();
            if (end == message.length() || !(Character.isLetterOrDigit(message.charAt(end))
                    || message.charAt(end) == '-')) {
                return true;
            }
            at = message.indexOf(needle, at + 1);
        }
        return false;
    }
}
