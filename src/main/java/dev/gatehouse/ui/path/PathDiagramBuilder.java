package dev.gatehouse.ui.path;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RouteMatch;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.NginxAnnotations;
import dev.gatehouse.routing.model.PathConflict;
import dev.gatehouse.routing.model.PathKind;
import dev.gatehouse.routing.model.PathRule;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.Server;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.ui.path.PathDiagram.Lane;
import dev.gatehouse.ui.path.PathDiagram.LaneKind;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns one {@link RoutingSnapshot} into the lanes of a {@link PathDiagram}. The lanes are the paths the
 * engine's model merged for the target; each lane's legs come from the engine: the front leg by
 * explaining a request for the lane's host ({@link RoutingSnapshot#explain}), the backend legs from
 * {@link RoutingSnapshot#backendLegs}. Nothing is matched here. Runs off the FX thread.
 */
final class PathDiagramBuilder {

    /** One lane before it is judged: which path (or default backend) of which server. */
    private record LaneSpec(String key, LaneKind kind, Server server, ObjectRef ingress, OptionalInt ruleIndex,
                            OptionalInt pathIndex, String pathLabel, String namespace, IngressBackend backend,
                            NginxAnnotations annotations, Optional<PathRule> rule, Optional<String> note) {
    }

    private final RoutingSnapshot snapshot;
    private final DiagnosticReport report;
    private final NodeFacts facts;

    PathDiagramBuilder(RoutingSnapshot snapshot, DiagnosticReport report) {
        this.snapshot = snapshot;
        this.report = report;
        this.facts = new NodeFacts(snapshot.model().view());
    }

    /** Every Ingress of the view, then every host the controller serves. */
    List<PathTarget> targets() {
        List<PathTarget> out = new ArrayList<>();
        snapshot.model().view().ingresses().stream().map(i -> new PathTarget.IngressTarget(ObjectRef.of(i),
                        i.getSpec() == null || i.getSpec().getRules() == null ? List.of()
                                : i.getSpec().getRules().stream().map(r -> HostPattern.parse(r.getHost()).display())
                                .distinct().toList()))
                .sorted(Comparator.comparing(t -> t.ingress().path()))
                .forEach(out::add);
        for (Server server : snapshot.model().servers().all()) {
            if (!server.catchAll() || !server.paths().isEmpty() || server.fallback().isPresent()) {
                out.add(new PathTarget.HostTarget(server.pattern().host()));
            }
        }
        return out;
    }

    /** The target an explained request belongs to: the Ingress that took it, if any. */
    static Optional<PathTarget> targetOf(Explanation explanation, List<PathTarget> targets) {
        return explanation.route().flatMap(route -> targets.stream()
                .filter(t -> t instanceof PathTarget.IngressTarget it && it.ingress().equals(route.ingress()))
                .findFirst());
    }

    PathDiagram build(PathTarget target, Optional<Explanation> explanation) {
        List<LaneSpec> specs = new ArrayList<>();
        Optional<String> notice = Optional.empty();
        String title;
        List<ObjectRef> owners = new ArrayList<>();
        if (target instanceof PathTarget.IngressTarget it) {
            title = "Ingress " + it.ingress().path();
            owners.add(it.ingress());
            Optional<ClassVerdict> verdict = snapshot.model().classes().verdictOf(it.ingress());
            if (verdict.isEmpty()) {
                notice = Optional.of("Ingress " + it.ingress().path() + " no longer exists.");
            } else if (!verdict.get().accepted()) {
                notice = Optional.of("ingress-nginx does not handle this Ingress: " + verdict.get().reason() + ".");
            } else {
                ingressLanes(it.ingress(), specs);
                if (specs.isEmpty()) {
                    notice = Optional.of(snapshot.model().servers().canaries().contains(it.ingress())
                            ? "A canary Ingress adds no paths of its own; canary traffic splitting is not drawn."
                            : "This Ingress has no paths and no default backend in use.");
                }
            }
        } else {
            String host = ((PathTarget.HostTarget) target).host();
            title = target.label();
            Optional<Server> server = host.isEmpty() ? Optional.of(snapshot.model().servers().catchAll())
                    : Optional.ofNullable(snapshot.model().servers().byHost().get(host));
            if (server.isEmpty()) {
                notice = Optional.of("No Ingress has a rule for " + host + " any more.");
            } else {
                hostLanes(server.get(), specs);
                owners.addAll(server.get().contributors());
                server.get().fallback().ifPresent(f -> owners.add(f.ingress()));
            }
        }
        List<Lane> lanes = new ArrayList<>();
        for (LaneSpec spec : specs) {
            Optional<Explanation> request = explanation.filter(e -> e.route().map(r -> matches(spec, r)).orElse(false));
            lanes.add(request.isPresent() ? requestLane(spec, request.get()) : lane(spec));
        }
        return DiagnosticPlacement.place(new PathDiagram(target, title, notice, lanes, List.of(), explanation),
                report, owners, specs.stream().map(s -> LanePlacementFacts.of(s, snapshot)).toList());
    }

    private void ingressLanes(ObjectRef ingress, List<LaneSpec> specs) {
        List<LaneSpec> paths = new ArrayList<>();
        List<LaneSpec> defaults = new ArrayList<>();
        for (Server server : snapshot.model().servers().all()) {
            server.paths().stream().filter(r -> r.ingress().equals(ingress)).forEach(r -> paths.add(path(server, r)));
            server.conflicts().stream().filter(c -> c.loser().ingress().equals(ingress))
                    .forEach(c -> paths.add(shadowed(server, c)));
            server.fallback().filter(f -> f.ingress().equals(ingress)).ifPresent(f -> defaults.add(defaultBackend(server)));
        }
        paths.sort(Comparator.comparingInt((LaneSpec s) -> s.ruleIndex().orElse(0))
                .thenComparingInt(s -> s.pathIndex().orElse(0)));
        specs.addAll(paths);
        specs.addAll(defaults);
    }

    private void hostLanes(Server server, List<LaneSpec> specs) {
        server.paths().forEach(r -> specs.add(path(server, r)));
        server.conflicts().forEach(c -> specs.add(shadowed(server, c)));
        server.fallback().ifPresent(f -> specs.add(defaultBackend(server)));
    }

    private static LaneSpec path(Server server, PathRule rule) {
        return new LaneSpec(rule.ingress().path() + "#" + rule.ruleIndex() + "/" + rule.pathIndex(), LaneKind.PATH,
                server, rule.ingress(), OptionalInt.of(rule.ruleIndex()), OptionalInt.of(rule.pathIndex()),
                rule.display() + (server.regex() ? ", regex" : ""), rule.ingress().namespace(), rule.backend(),
                rule.annotations(), Optional.of(rule), Optional.empty());
    }

    private static LaneSpec shadowed(Server server, PathConflict conflict) {
        PathRule rule = conflict.loser();
        PathRule winner = conflict.winner();
        String note = "Not used: Ingress " + winner.ingress().path() + " has the same host and path ("
                + winner.position() + ") and is older, so ingress-nginx uses its path";
        return new LaneSpec(rule.ingress().path() + "#" + rule.ruleIndex() + "/" + rule.pathIndex(), LaneKind.SHADOWED,
                server, rule.ingress(), OptionalInt.of(rule.ruleIndex()), OptionalInt.of(rule.pathIndex()),
                rule.display(), rule.ingress().namespace(), rule.backend(), rule.annotations(), Optional.of(rule),
                Optional.of(note));
    }

    private static LaneSpec defaultBackend(Server server) {
        var fallback = server.fallback().orElseThrow();
        NginxAnnotations nginx = server.catchAll() ? fallback.annotations() : server.fallbackNginx();
        return new LaneSpec(fallback.ingress().path() + "#default@" + server.pattern().host(),
                LaneKind.DEFAULT_BACKEND, server, fallback.ingress(), OptionalInt.empty(), OptionalInt.empty(),
                "default backend (no path matched)", fallback.ingress().namespace(), fallback.backend(), nginx,
                Optional.empty(), Optional.empty());
    }

    /** Does the engine's route name this lane? */
    private static boolean matches(LaneSpec spec, RouteMatch route) {
        if (!route.ingress().equals(spec.ingress()) || spec.kind() == LaneKind.SHADOWED) {
            return false;
        }
        if (spec.kind() == LaneKind.DEFAULT_BACKEND) {
            return route.defaultBackend() && route.host().equals(spec.server().pattern().display());
        }
        return !route.defaultBackend() && route.ruleIndex().equals(spec.ruleIndex())
                && route.pathIndex().equals(spec.pathIndex());
    }

    private Lane lane(LaneSpec spec) {
        Server server = spec.server();
        String samplePath = samplePath(spec);
        Optional<Explanation> front = sample(server, samplePath, server.hasTls());
        Optional<Explanation> plain = server.hasTls() ? sample(server, samplePath, false) : Optional.empty();
        List<Leg> back = snapshot.backendLegs(spec.namespace(), spec.backend(), spec.annotations());
        ResolvedBackend backend = snapshot.model().backends().resolve(spec.namespace(), spec.backend());
        Leg frontLeg = front.flatMap(e -> e.leg(Leg.Kind.CLIENT_TO_CONTROLLER)).orElse(new Leg(
                Leg.Kind.CLIENT_TO_CONTROLLER, Leg.Protection.NONE, "not known", "No request can be made to this host"));
        var client = front.map(e -> facts.client(e.request())).orElse(facts.client(
                new ProbeRequest("GET", "http", server.pattern().host(), 80, samplePath, "", Optional.empty(),
                        dev.gatehouse.routing.ClientCertificate.NONE)));
        return new Lane(spec.key(), spec.kind(), title(spec), subtitle(spec), spec.note(), client, frontLeg,
                facts.controller(server, front, plain), back.get(0), facts.service(backend), back.get(1),
                facts.pods(backend), false);
    }

    /** The lane as the explained request goes through it: the request's legs, certificate and outcome. */
    private Lane requestLane(LaneSpec spec, Explanation e) {
        ResolvedBackend backend = e.backend()
                .orElseGet(() -> snapshot.model().backends().resolve(spec.namespace(), spec.backend()));
        Server server = spec.server();
        boolean tlsHost = server.hasTls();
        // The controller box shows the host's TLS set-up; a plain HTTP request to a TLS host still sees it.
        Optional<Explanation> tls = e.request().https() || !tlsHost ? Optional.of(e)
                : sample(server, samplePath(spec), true);
        Optional<Explanation> plain = !e.request().https() ? Optional.of(e)
                : tlsHost ? sample(server, samplePath(spec), false) : Optional.empty();
        String status = e.decision().status() == 0 ? "" : e.decision().status() + " · ";
        return new Lane(spec.key(), spec.kind(), title(spec), subtitle(spec),
                Optional.of("This request: " + status + e.decision().summary()), facts.client(e.request()),
                e.leg(Leg.Kind.CLIENT_TO_CONTROLLER).orElseThrow(),
                facts.controller(server, tls, plain), e.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow(),
                facts.service(backend), e.leg(Leg.Kind.SERVICE_TO_PODS).orElseThrow(), facts.pods(backend), true);
    }

    /** Explains a request to the lane's host, as a browser would send it. */
    private Optional<Explanation> sample(Server server, String path, boolean https) {
        if (!server.pattern().valid()) {
            return Optional.empty(); // the API server rejects such a host; no request can name it
        }
        String origin = (https ? "https://" : "http://") + sampleHost(server);
        ProbeRequest.Parsed parsed = ProbeRequest.parse("GET", origin + path);
        if (parsed instanceof ProbeRequest.Invalid) {
            parsed = ProbeRequest.parse("GET", origin + "/");
        }
        return parsed instanceof ProbeRequest.Valid valid
                ? Optional.of(snapshot.explain(valid.request()
                .withClientCertificate(NodeFacts.sampleClientCertificate(server))))
                : Optional.empty();
    }

    /** A host name the server answers: itself, a name under a wildcard, or a name no rule has. */
    private String sampleHost(Server server) {
        var servers = snapshot.model().servers();
        if (server.pattern().kind() == HostPattern.Kind.EXACT) {
            return server.pattern().host();
        }
        String suffix = server.catchAll() ? ".invalid" : server.pattern().host().substring(1);
        String first = (server.catchAll() ? "any-host" : "example") + suffix;
        for (int i = 0; i < 100; i++) {
            String candidate = (server.catchAll() ? "any-host" : "example") + (i == 0 ? "" : "-" + i) + suffix;
            if (servers.exact(candidate).isEmpty() && (server.catchAll() ? servers.wildcardFor(candidate).isEmpty()
                    : servers.wildcardFor(candidate).filter(s -> s == server).isPresent())) {
                return candidate;
            }
        }
        return first;
    }

    /** A request path that the lane's own path would match, when it is a plain path; else "/". */
    private static String samplePath(LaneSpec spec) {
        if (spec.rule().isEmpty() || spec.server().regex()) {
            return "/";
        }
        PathRule rule = spec.rule().get();
        boolean literal = rule.kind() == PathKind.EXACT || rule.kind() == PathKind.PREFIX
                || rule.kind() == PathKind.IMPLEMENTATION_SPECIFIC;
        return literal && rule.path().startsWith("/") ? rule.path() : "/";
    }

    private static String title(LaneSpec spec) {
        return spec.server().pattern().display() + "  " + spec.pathLabel();
    }

    private static String subtitle(LaneSpec spec) {
        return "Ingress " + spec.ingress().path() + spec.rule().map(r -> ", " + r.position()).orElse(", spec.defaultBackend");
    }

    /** What {@link DiagnosticPlacement} needs to know of a lane. */
    record LanePlacementFacts(ObjectRef ingress, String host, Optional<ObjectRef> tlsSecret,
                              Optional<ObjectRef> clientCaSecret, Optional<ObjectRef> proxySecret,
                              Optional<ObjectRef> service, ResolvedBackend.State backendState) {
        private static LanePlacementFacts of(LaneSpec spec, RoutingSnapshot snapshot) {
            Server server = spec.server();
            return new LanePlacementFacts(spec.ingress(), server.pattern().host(),
                    server.tls().flatMap(t -> t.secret()).map(s -> s.ref()),
                    server.authTls().map(a -> a.caSecret().ref()), spec.annotations().proxySslSecret(),
                    spec.backend() == null || spec.backend().getService() == null ? Optional.empty()
                            : Optional.of(ObjectRef.service(spec.namespace(), spec.backend().getService().getName())),
                    snapshot.model().backends().resolve(spec.namespace(), spec.backend()).state());
        }
    }
}
