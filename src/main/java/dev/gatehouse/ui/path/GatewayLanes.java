package dev.gatehouse.ui.path;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.GatewayFacts;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RouteMatch;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.gateway.GatewayBackend;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayRule;
import dev.gatehouse.routing.gateway.GatewayState;
import dev.gatehouse.routing.gateway.TlsRouteTarget;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.RequestHeaders;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.ui.path.PathDiagram.Lane;
import dev.gatehouse.ui.path.PathDiagram.LaneKind;
import dev.gatehouse.ui.path.PathDiagram.NodeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lanes of one Gateway: client → listener → HTTPRoute rule (or TLSRoute) → Service → Pods, one lane per
 * backendRef of each rule attached to each listener, in the spec's precedence order. As for Ingress lanes, the
 * legs come from the engine: the front by explaining a request the rule matches, the backend legs from
 * {@link RoutingSnapshot#gatewayBackendLegs}. Nothing is matched here. Runs off the FX thread.
 */
final class GatewayLanes {

    /** One lane before it is judged. */
    private record Spec(String key, GatewayListener listener, Optional<GatewayRule> rule,
                        Optional<TlsRouteTarget> tlsRoute, Optional<GatewayBackend> backend, int share) {

        ObjectRef route() {
            return rule.map(GatewayRule::route).orElseGet(() -> tlsRoute.orElseThrow().route());
        }

        HostPattern hostname() {
            return rule.map(GatewayRule::hostname).orElseGet(() -> tlsRoute.orElseThrow().hostname());
        }
    }

    private final RoutingSnapshot snapshot;
    private final GatewayModel gateways;
    private final NodeFacts facts;
    private final GatewayNodeFacts gatewayFacts;

    GatewayLanes(RoutingSnapshot snapshot, NodeFacts facts) {
        this.snapshot = snapshot;
        this.gateways = snapshot.gateways();
        this.facts = facts;
        this.gatewayFacts = new GatewayNodeFacts(gateways);
    }

    /** One target per Gateway, with the hostnames of its listeners for the picker. */
    List<PathTarget> targets() {
        return gateways.gateways().stream().map(g -> (PathTarget) new PathTarget.GatewayTarget(g.ref(),
                        g.listeners().stream().map(l -> l.hostname().display()).distinct().toList()))
                .sorted(java.util.Comparator.comparing(PathTarget::key)).toList();
    }

    PathDiagram build(PathTarget.GatewayTarget target, Optional<Explanation> explanation, DiagnosticReport report) {
        String title = "Gateway " + target.gateway().path();
        Optional<GatewayState> gateway = gateways.gateway(target.gateway());
        if (gateway.isEmpty()) {
            return new PathDiagram(target, title, Optional.of("Gateway " + target.gateway().path()
                    + " no longer exists."), List.of(), List.of(), explanation);
        }
        List<Spec> specs = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (GatewayListener listener : gateway.get().listeners()) {
            int before = specs.size();
            addListener(listener, specs);
            if (specs.size() == before) {
                empty.add(listener.name());
            }
        }
        Optional<String> notice = notice(gateway.get(), empty);
        List<Lane> lanes = new ArrayList<>();
        for (Spec spec : specs) {
            Optional<Explanation> request = explanation.filter(e -> takes(spec, e));
            lanes.add(lane(spec, request));
        }
        PathDiagram diagram = new PathDiagram(target, title, notice, lanes, List.of(), explanation);
        return GatewayPlacement.place(diagram, report, owners(gateway.get()),
                specs.stream().map(s -> new GatewayPlacement.Facts(s.listener(), s.route(),
                        s.backend())).toList());
    }

    private Optional<String> notice(GatewayState gateway, List<String> empty) {
        List<String> parts = new ArrayList<>();
        if (!gateway.accepted()) {
            parts.add("Gateway " + gateway.ref().path() + " is not accepted: " + gateway.condition("Accepted")
                    .map(c -> c.reason() + (c.message().isEmpty() ? "" : " (" + c.message() + ")")).orElse("")
                    + "; it serves nothing.");
        }
        if (!empty.isEmpty()) {
            parts.add((empty.size() == 1 ? "Listener " : "Listeners ") + String.join(", ", empty)
                    + (empty.size() == 1 ? " has" : " have") + " no attached route: "
                    + (empty.size() == 1 ? "it answers" : "they answer") + " 404 to every request.");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
    }

    /** The Gateway and every route naming it as a parent (their diagnostics belong on this diagram). */
    private List<ObjectRef> owners(GatewayState gateway) {
        List<ObjectRef> owners = new ArrayList<>();
        owners.add(gateway.ref());
        gateways.routes().stream().filter(r -> r.parent(gateway.ref()).isPresent()).forEach(r -> owners.add(r.ref()));
        return owners;
    }

    private void addListener(GatewayListener listener, List<Spec> specs) {
        for (GatewayRule rule : gateways.rules(listener.key())) {
            List<GatewayBackend> backends = rule.backends();
            if (backends.isEmpty()) {
                specs.add(new Spec(key(listener, rule, -1), listener, Optional.of(rule), Optional.empty(),
                        Optional.empty(), 100));
                continue;
            }
            long total = backends.stream().filter(GatewayBackend::valid).mapToLong(b -> b.ref().weight()).sum();
            for (int i = 0; i < backends.size(); i++) {
                GatewayBackend b = backends.get(i);
                int share = !b.valid() || total == 0 ? 0 : (int) Math.round(100.0 * b.ref().weight() / total);
                specs.add(new Spec(key(listener, rule, i), listener, Optional.of(rule), Optional.empty(),
                        Optional.of(b), share));
            }
        }
        for (TlsRouteTarget t : gateways.tlsRoutes(listener.key())) {
            Optional<GatewayBackend> first = t.backends().stream().findFirst();
            specs.add(new Spec("gw:" + listener.key() + "|" + t.route().path() + "@" + t.hostname().display(), listener,
                    Optional.empty(), Optional.of(t), first, 100));
        }
    }

    private static String key(GatewayListener listener, GatewayRule rule, int backend) {
        return "gw:" + listener.key() + "|" + rule.route().path() + "#" + rule.ruleIndex() + "/" + rule.matchIndex()
                + "@" + rule.hostname().display() + (backend < 0 ? "" : "→" + backend);
    }

    /** Did the engine send the explained request down this lane? */
    private static boolean takes(Spec spec, Explanation e) {
        Optional<GatewayFacts> g = e.gateway();
        if (g.isEmpty() || !g.get().gateway().equals(spec.listener().gateway())
                || !g.get().listener().equals(spec.listener().name())) {
            return false;
        }
        if (spec.tlsRoute().isPresent()) {
            return e.certificate().isPresent() && spec.backend().flatMap(b -> e.backend().map(r -> sameService(b, r)))
                    .orElse(false);
        }
        GatewayRule rule = spec.rule().orElseThrow();
        Optional<RouteMatch> route = e.route();
        boolean sameRule = route.isPresent() && route.get().ingress().equals(rule.route())
                && route.get().ruleIndex().equals(java.util.OptionalInt.of(rule.ruleIndex()))
                && route.get().pathIndex().equals(java.util.OptionalInt.of(rule.matchIndex()))
                && spec.hostname().display().equals(route.get().host());
        if (!sameRule) {
            return false;
        }
        return spec.backend().isEmpty() || e.backend().map(r -> sameService(spec.backend().get(), r)).orElse(false);
    }

    private static boolean sameService(GatewayBackend b, ResolvedBackend r) {
        return r.service().map(s -> s.namespace().equals(b.ref().namespace()) && s.name().equals(b.ref().name()))
                .orElse(false);
    }

    private Lane lane(Spec spec, Optional<Explanation> request) {
        boolean highlighted = request.isPresent();
        Optional<Explanation> front = highlighted ? request : sample(spec);
        Leg frontLeg = front.flatMap(e -> e.leg(Leg.Kind.CLIENT_TO_CONTROLLER)).orElse(new Leg(
                Leg.Kind.CLIENT_TO_CONTROLLER, Leg.Protection.NONE, "not known", "No request can be made to this host"));
        NodeInfo client = front.map(e -> facts.client(e.request())).orElseGet(() -> facts.client(sampleRequest(spec)));
        NodeInfo listener = gatewayFacts.listener(spec.listener(), front);
        NodeInfo route = spec.rule().map(r -> gatewayFacts.rule(r, spec.listener()))
                .orElseGet(() -> gatewayFacts.tlsRoute(spec.tlsRoute().orElseThrow(), spec.listener()));
        Leg backendLeg;
        Leg podsLeg;
        NodeInfo service;
        NodeInfo pods;
        if (spec.backend().isPresent()) {
            GatewayBackend b = spec.backend().get();
            ResolvedBackend resolved = snapshot.gatewayBackend(b);
            List<Leg> legs = highlighted ? List.of(request.get().leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow(),
                    request.get().leg(Leg.Kind.SERVICE_TO_PODS).orElseThrow())
                    : snapshot.gatewayBackendLegs(b, Optional.of(spec.listener().gateway()));
            backendLeg = legs.get(0);
            podsLeg = legs.get(1);
            service = gatewayFacts.service(facts.service(resolved), b, spec.share());
            pods = facts.pods(resolved);
        } else {
            Optional<Explanation> answer = front;
            backendLeg = answer.flatMap(e -> e.leg(Leg.Kind.CONTROLLER_TO_SERVICE)).orElseGet(GatewayNodeFacts::noLeg);
            podsLeg = answer.flatMap(e -> e.leg(Leg.Kind.SERVICE_TO_PODS)).orElseGet(GatewayNodeFacts::noPodsLeg);
            service = gatewayFacts.noBackend(spec.rule().orElseThrow(), answer);
            pods = GatewayNodeFacts.noPods();
        }
        Optional<String> note = highlighted ? Optional.of("This request: " + status(request.get())
                + request.get().decision().summary()) : Optional.empty();
        return new Lane(spec.key(), LaneKind.PATH, title(spec), subtitle(spec), note, client, frontLeg, listener,
                backendLeg, service, podsLeg, pods, highlighted, Optional.of(route));
    }

    private static String status(Explanation e) {
        return e.decision().status() == 0 ? "" : e.decision().status() + " · ";
    }

    private Optional<Explanation> sample(Spec spec) {
        ProbeRequest request = sampleRequest(spec);
        return HostPattern.parse(request.host()).valid() ? Optional.of(snapshot.explain(request)) : Optional.empty();
    }

    /**
     * A request this lane's rule matches, as a client would send it to the listener (with a valid client
     * certificate when the listener validates them: the lane shows what an admitted client gets).
     */
    private ProbeRequest sampleRequest(Spec spec) {
        GatewayListener listener = spec.listener();
        String host = sampleHost(spec.hostname(), listener.hostname());
        boolean https = spec.tlsRoute().isPresent() || listener.terminatesTls();
        String method = "GET";
        String path = "/";
        String query = "";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (spec.rule().isPresent()) {
            var match = spec.rule().get().rule().match();
            if (match.isPresent()) {
                method = match.get().method().orElse("GET");
                path = samplePath(match.get().path());
                match.get().headers().stream().filter(h -> !h.regex())
                        .forEach(h -> headers.put(h.name(), List.of(h.value())));
                query = match.get().query().stream().filter(q -> !q.regex()).map(q -> q.name() + "=" + q.value())
                        .collect(Collectors.joining("&"));
            }
        }
        return new ProbeRequest(method, https ? "https" : "http", host, listener.port(), path, query,
                https ? Optional.of(host) : Optional.empty(), listener.clientCertificate().isPresent()
                ? ClientCertificate.trusted(null) : ClientCertificate.NONE, new RequestHeaders(headers));
    }

    private static String samplePath(RoutePath path) {
        boolean literal = path.type() == RoutePath.Type.EXACT || path.type() == RoutePath.Type.PREFIX;
        return literal && path.value().startsWith("/") ? path.value() : "/";
    }

    /** The route's hostname, a name under a wildcard, or (any host) a name the listener takes. */
    static String sampleHost(HostPattern route, HostPattern listener) {
        HostPattern p = route.kind() == HostPattern.Kind.ANY ? listener : route;
        return switch (p.kind()) {
            case EXACT -> p.host();
            case WILDCARD -> "example" + p.host().substring(1);
            default -> "example.com";
        };
    }

    private static String title(Spec spec) {
        String host = spec.hostname().display();
        if (spec.tlsRoute().isPresent()) {
            return host + "  TLS passthrough";
        }
        GatewayRule rule = spec.rule().orElseThrow();
        String share = spec.backend().isPresent() && rule.backends().size() > 1 ? "  · " + spec.share() + "%" : "";
        return host + "  " + GatewayNodeFacts.matchSummary(rule) + share;
    }

    private static String subtitle(Spec spec) {
        String listener = "listener " + spec.listener().name();
        if (spec.tlsRoute().isPresent()) {
            return "TLSRoute " + spec.route().path() + ", " + listener;
        }
        GatewayRule rule = spec.rule().orElseThrow();
        return "HTTPRoute " + rule.route().path() + ", " + GatewayNodeFacts.position(rule) + ", " + listener;
    }
}
