package dev.gatehouse.ui.path;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.ui.common.Status;
import java.util.List;
import java.util.Optional;

/**
 * What the path view draws for one target, computed off the FX thread: a lane per path, each
 * client → controller → Service → Pods with the protection of every leg. Immutable.
 *
 * @param target      what was drawn
 * @param title       heading, e.g. {@code Ingress payments/checkout}
 * @param notice      why there are no lanes, or a remark on all of them
 * @param lanes       the lanes, in rule and path order
 * @param unplaced    diagnostics of the target that concern no single node (shown above the lanes)
 * @param explanation the explained request, when the explain box was used
 */
public record PathDiagram(PathTarget target, String title, Optional<String> notice, List<Lane> lanes,
                          List<Diagnostic> unplaced, Optional<Explanation> explanation) {

    public PathDiagram {
        lanes = List.copyOf(lanes);
        unplaced = List.copyOf(unplaced);
    }

    /** The lane the explained request takes, if it takes one of these. */
    public Optional<Lane> highlighted() {
        return lanes.stream().filter(Lane::highlighted).findFirst();
    }

    /** How a lane is used. */
    public enum LaneKind {
        /** A path of a rule. */
        PATH,
        /** {@code spec.defaultBackend}: requests no path matches. */
        DEFAULT_BACKEND,
        /** A path ignored because an older Ingress has the same host and path. */
        SHADOWED
    }

    /** The parts of a lane, left to right. */
    public enum Element {
        CLIENT("client"), FRONT_LEG("front"), CONTROLLER("controller"), ROUTE("route"), BACKEND_LEG("backend"),
        SERVICE("service"), PODS_LEG("pods-leg"), PODS("pods");

        private final String id;

        Element(String id) {
            this.id = id;
        }

        /** Used in node ids: {@code path-node-0-controller}, {@code path-leg-0-backend}. */
        public String id() {
            return id;
        }

        public boolean leg() {
            return this == FRONT_LEG || this == BACKEND_LEG || this == PODS_LEG;
        }
    }

    /**
     * One path through the controller.
     *
     * @param key         stable identity across refreshes
     * @param kind        path, default backend or shadowed
     * @param title       e.g. {@code checkout.demo.gatehouse.test /api (Prefix)}
     * @param subtitle    where it comes from, e.g. {@code Ingress payments/checkout, rule 1, path 1}
     * @param note        a remark (shadowed, the request's outcome), if any
     * @param client      the client
     * @param front       client → controller
     * @param controller  the controller: TLS termination and certificate
     * @param backend     controller → Service
     * @param service     the Service and port
     * @param podsLeg     Service → Pods
     * @param pods        the endpoints
     * @param highlighted true when the explained request takes this lane (its legs are then the request's)
     * @param route       the route rule between the controller and the backend (a Gateway lane's HTTPRoute or
     *                    TLSRoute); empty for Ingress lanes, whose rule is the lane itself
     */
    public record Lane(String key, LaneKind kind, String title, String subtitle, Optional<String> note,
                       NodeInfo client, Leg front, NodeInfo controller, Leg backend, NodeInfo service, Leg podsLeg,
                       NodeInfo pods, boolean highlighted, Optional<NodeInfo> route) {

        public Lane {
            route = route == null ? Optional.empty() : route;
        }

        /** An Ingress lane: client → controller → Service → Pods. */
        public Lane(String key, LaneKind kind, String title, String subtitle, Optional<String> note,
                    NodeInfo client, Leg front, NodeInfo controller, Leg backend, NodeInfo service, Leg podsLeg,
                    NodeInfo pods, boolean highlighted) {
            this(key, kind, title, subtitle, note, client, front, controller, backend, service, podsLeg, pods,
                    highlighted, Optional.empty());
        }

        /** The boxes and legs this lane draws, left to right (ROUTE only when the lane has one). */
        public java.util.List<Element> elements() {
            return java.util.Arrays.stream(Element.values()).filter(e -> e != Element.ROUTE || route.isPresent())
                    .toList();
        }

        public NodeInfo node(Element element) {
            return switch (element) {
                case CLIENT -> client;
                case CONTROLLER -> controller;
                case ROUTE -> route.orElseThrow(() -> new IllegalArgumentException("this lane has no route box"));
                case SERVICE -> service;
                case PODS -> pods;
                default -> throw new IllegalArgumentException(element + " is a leg");
            };
        }

        /** This lane with diagnostics added to its boxes. */
        Lane withDiagnostics(java.util.Map<Element, List<Diagnostic>> added) {
            java.util.function.Function<Element, List<Diagnostic>> of = e -> added.getOrDefault(e, List.of());
            return new Lane(key, kind, title, subtitle, note, client, front, controller.withDiagnostics(
                    of.apply(Element.CONTROLLER)), backend, service.withDiagnostics(of.apply(Element.SERVICE)), podsLeg,
                    pods.withDiagnostics(of.apply(Element.PODS)), highlighted,
                    route.map(r -> r.withDiagnostics(of.apply(Element.ROUTE))));
        }

        public Leg leg(Element element) {
            return switch (element) {
                case FRONT_LEG -> front;
                case BACKEND_LEG -> backend;
                case PODS_LEG -> podsLeg;
                default -> throw new IllegalArgumentException(element + " is a node");
            };
        }
    }

    /**
     * A box of the diagram.
     *
     * @param title       e.g. {@code Service payments/checkout}
     * @param subtitle    e.g. {@code port https (8443)}
     * @param status      its state (colour and icon); null for a box without a state (the client)
     * @param statusText  the state in words, e.g. {@code expires in 5 days}
     * @param diagnostics diagnostics that concern it (its badge)
     * @param details     what the side panel shows when it is clicked
     */
    public record NodeInfo(String title, String subtitle, Status status, String statusText,
                           List<Diagnostic> diagnostics, List<Detail> details) {

        public NodeInfo {
            diagnostics = List.copyOf(diagnostics);
            details = List.copyOf(details);
        }

        NodeInfo withDiagnostics(List<Diagnostic> added) {
            if (added.isEmpty()) {
                return this;
            }
            List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
            added.stream().filter(d -> !all.contains(d)).forEach(all::add);
            all.sort(Diagnostic.ORDER);
            return new NodeInfo(title, subtitle, status, statusText, all, details);
        }
    }

    /**
     * One line of the details panel.
     *
     * @param label e.g. {@code Certificate}
     * @param value e.g. {@code "shop.example.com", expires in 89 days}
     */
    public record Detail(String label, String value) {
    }
}
