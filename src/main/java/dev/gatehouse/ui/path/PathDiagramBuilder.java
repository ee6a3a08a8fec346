package dev.gatehouse.ui.path;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RouteMatch;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.HostTable;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.RuleSource;
import dev.gatehouse.routing.route.ShadowedRule;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.routing.route.VirtualHost;
import dev.gatehouse.ui.path.PathDiagram.Lane;
import dev.gatehouse.ui.path.PathDiagram.LaneKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns one {@link RoutingSnapshot} into the lanes of a {@link PathDiagram}. The lanes are the rules of the
 * neutral route model ({@link VirtualHost}s of {@code model().routes()}) for the target; each lane's legs
 * come from the engine: the front leg by
 * explaining a request for the lane's host ({@link RoutingSnapshot#explain}), the backend legs from
 * {@link RoutingSnapshot#backendLegs}. Nothing is matched here. Runs off the FX thread.
 */
final class PathDiagramBuilder {

    /** One lane before it is judged: which rule (or fallback) of which virtual host. */
    private record LaneSpec(String key, LaneKind kind, VirtualHost server, RouteRule rule, String pathLabel,
                            Optional<String> note) {
        ObjectRef ingress() {
            return rule.source().object();
        }

        OptionalInt ruleIndex() {
            return rule.source().ruleIndex();
        }

        OptionalInt pathIndex() {
            return rule.source().pathIndex();
        }
    }

    private final RoutingSnapshot snapshot;
    private final DiagnosticReport report;
    private final NodeFacts facts;

    PathDiagramBuilder(RoutingSnapshot snapshot, DiagnosticReport report) {
        this.snapshot = snapshot;
        this.report = report;
        this.facts = new NodeFacts(snapshot.model().view());
    }

    /** Every Ingress of the view, then every Gateway, then every host the Ingress controller serves. */
    List<PathTarget> targets() {
        List<PathTarget> out = new ArrayList<>();
        snapshot.model().view().ingresses().stream().map(i -> new PathTarget.IngressTarget(ObjectRef.of(i),
                        i.getSpec() == null || i.getSpec().getRules() == null ? List.of()
                                : i.getSpec().getRules().stream().map(r -> HostPattern.parse(r.getHost()).display())
                                .distinct().toList()))
                .sorted(Comparator.comparing(t -> t.ingress().path()))
                .forEach(out::add);
        out.addAll(new GatewayLanes(snapshot, facts).targets());
        for (VirtualHost host : snapshot.model().routes().all()) {
            if (!host.catchAll() || !host.rules().isEmpty() || host.fallback().isPresent()) {
                out.add(new PathTarget.HostTarget(host.pattern().host()));
            }
        }
        return out;
    }

    /** The target an explained request belongs to: the Gateway or the Ingress that took it, if any. */
    static Optional<PathTarget> targetOf(Explanation explanation, List<PathTarget> targets) {
        if (explanation.gateway().isPresent()) {
            var gateway = explanation.gateway().get().gateway();
            return targets.stream().filter(t -> t instanceof PathTarget.GatewayTarget g && g.gateway().equals(gateway))
                    .findFirst();
        }
        return explanation.route().flatMap(route -> targets.stream()
                .filter(t -> t instanceof PathTarget.IngressTarget it && it.ingress().equals(route.ingress()))
                .findFirst());
    }

    PathDiagram build(PathTarget target, Optional<Explanation> explanation) {
        if (target instanceof PathTarget.GatewayTarget gateway) {
            return new GatewayLanes(snapshot, facts).build(gateway, explanation, report);
        }
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
            HostTable routes = snapshot.model().routes();
            Optional<VirtualHost> server = host.isEmpty() ? Optional.of(routes.catchAll()) : routes.exact(host);
            if (server.isEmpty()) {
                notice = Optional.of("No Ingress has a rule for " + host + " any more.");
            } else {
                hostLanes(server.get(), specs);
                owners.addAll(server.get().contributors());
                server.get().fallback().ifPresent(f -> owners.add(f.source().object()));
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
        for (VirtualHost host : snapshot.model().routes().all()) {
            host.rules().stream().filter(r -> r.source().object().equals(ingress)).forEach(r -> paths.add(path(host, r)));
            host.shadowedRules().stream().filter(s -> s.rule().source().object().equals(ingress))
                    .forEach(s -> paths.add(shadowed(host, s)));
            host.fallback().filter(f -> f.source().object().equals(ingress)).ifPresent(f -> defaults.add(fallback(host)));
        }
        paths.sort(Comparator.comparingInt((LaneSpec s) -> s.ruleIndex().orElse(0))
                .thenComparingInt(s -> s.pathIndex().orElse(0)));
        specs.addAll(paths);
        specs.addAll(defaults);
    }

    private void hostLanes(VirtualHost host, List<LaneSpec> specs) {
        host.rules().forEach(r -> specs.add(path(host, r)));
        host.shadowedRules().forEach(s -> specs.add(shadowed(host, s)));
        host.fallback().ifPresent(f -> specs.add(fallback(host)));
    }

    private static String key(RouteRule rule) {
        RuleSource source = rule.source();
        return source.object().path() + "#" + source.ruleIndex().orElse(0) + "/" + source.pathIndex().orElse(0);
    }

    private static String display(RouteRule rule) {
        return rule.path().map(RoutePath::display).orElse("");
    }

    private static LaneSpec path(VirtualHost host, RouteRule rule) {
        return new LaneSpec(key(rule), LaneKind.PATH, host, rule, display(rule) + (host.regex() ? ", regex" : ""),
                Optional.empty());
    }

    private static LaneSpec shadowed(VirtualHost host, ShadowedRule shadowed) {
        RuleSource winner = shadowed.winner();
        String note = "Not used: Ingress " + winner.object().path() + " has the same host and path ("
                + position(winner) + ") and is older, so ingress-nginx uses its path";
        return new LaneSpec(key(shadowed.rule()), LaneKind.SHADOWED, host, shadowed.rule(), display(shadowed.rule()),
                Optional.of(note));
    }

    private static LaneSpec fallback(VirtualHost host) {
        RouteRule fallback = host.fallback().orElseThrow();
        return new LaneSpec(fallback.source().object().path() + "#default@" + host.pattern().host(),
                LaneKind.DEFAULT_BACKEND, host, fallback, "default backend (no path matched)", Optional.empty());
    }

    /** {@code rule 1, path 2} (1-based, as users count). */
    private static String position(RuleSource source) {
        return "rule " + (source.ruleIndex().orElse(0) + 1) + ", path " + (source.pathIndex().orElse(0) + 1);
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
        VirtualHost server = spec.server();
        String samplePath = samplePath(spec);
        boolean tlsHost = server.tls().enabled();
        Optional<Explanation> front = sample(server, samplePath, tlsHost);
        Optional<Explanation> plain = tlsHost ? sample(server, samplePath, false) : Optional.empty();
        List<Leg> back = snapshot.backendLegs(spec.rule());
        ResolvedBackend backend = snapshot.backend(spec.rule());
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
        ResolvedBackend backend = e.backend().orElseGet(() -> snapshot.backend(spec.rule()));
        VirtualHost server = spec.server();
        boolean tlsHost = server.tls().enabled();
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
    private Optional<Explanation> sample(VirtualHost server, String path, boolean https) {
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
    private String sampleHost(VirtualHost server) {
        HostTable servers = snapshot.model().routes();
        if (server.pattern().kind() == HostPattern.Kind.EXACT) {
            return server.pattern().host();
        }
        String suffix = server.catchAll() ? ".invalid" : server.pattern().host().substring(1);
        String first = (server.catchAll() ? "any-host" : "example") + suffix;
        for (int i = 0; i < 100; i++) {
            String candidate = (server.catchAll() ? "any-host" : "example") + (i == 0 ? "" : "-" + i) + suffix;
            if (servers.exact(candidate).isEmpty() && (server.catchAll() ? servers.wildcardFor(candidate).isEmpty()
                    : servers.wildcardFor(candidate).filter(s -> s.pattern().equals(server.pattern())).isPresent())) {
                return candidate;
            }
        }
        return first;
    }

    /** A request path that the lane's own path would match, when it is a plain path; else "/". */
    private static String samplePath(LaneSpec spec) {
        Optional<RoutePath> path = spec.rule().path();
        if (path.isEmpty() || spec.server().regex()) {
            return "/";
        }
        RoutePath.Type type = path.get().type();
        boolean literal = type == RoutePath.Type.EXACT || type == RoutePath.Type.PREFIX
                || type == RoutePath.Type.STRING_PREFIX;
        return literal && path.get().value().startsWith("/") ? path.get().value() : "/";
    }

    private static String title(LaneSpec spec) {
        return spec.server().pattern().display() + "  " + spec.pathLabel();
    }

    private static String subtitle(LaneSpec spec) {
        return "Ingress " + spec.ingress().path() + (spec.kind() == LaneKind.DEFAULT_BACKEND ? ", spec.defaultBackend"
                : ", " + position(spec.rule().source()));
    }

    /** What {@link DiagnosticPlacement} needs to know of a lane. */
    record LanePlacementFacts(ObjectRef ingress, String host, Optional<ObjectRef> tlsSecret,
                              Optional<ObjectRef> clientCaSecret, Optional<ObjectRef> proxySecret,
                              Optional<ObjectRef> service, ResolvedBackend.State backendState) {
        private static LanePlacementFacts of(LaneSpec spec, RoutingSnapshot snapshot) {
            VirtualHost server = spec.server();
            Optional<Upstream> upstream = spec.rule().upstream();
            return new LanePlacementFacts(spec.ingress(), server.pattern().host(), server.tls().named(),
                    server.clientCertificate().map(a -> a.caSecret()),
                    upstream.flatMap(u -> u.caSecret().or(() -> u.clientCertificate().map(c -> c.secret()))),
                    spec.rule().firstBackend().flatMap(BackendRef::service), snapshot.backend(spec.rule()).state());
        }
    }
}
