package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.NginxAnnotations;
import dev.gatehouse.routing.model.PathRule;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.Server;
import dev.gatehouse.routing.model.ServerTable;
import dev.gatehouse.routing.model.UpstreamPolicy;
import dev.gatehouse.routing.route.Carriage;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.PathMatch;
import dev.gatehouse.routing.route.Upstream;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;

/** Explains one request against a {@link RoutingModel}. */
final class Explainer {

    /** Where the request lands inside the chosen server (path or default backend), if anywhere. */
    private record Location(Optional<RouteMatch> match, Optional<IngressBackend> backend, String namespace,
                            Optional<NginxAnnotations> nginx, Optional<PathRule> rule, Optional<Matcher> regexMatch) {
    }

    private final RoutingModel model;
    private final UpstreamPolicy upstreams;

    Explainer(RoutingModel model) {
        this.model = model;
        this.upstreams = new UpstreamPolicy(model.secrets());
    }

    Explanation explain(ProbeRequest request) {
        Trace trace = new Trace();
        noteClasses(request.host(), trace);
        ServerTable.Lookup lookup = model.servers().lookup(request.host());
        traceHost(lookup, request.host(), trace);
        if (request.https()) {
            Optional<Explanation> passthrough = PassthroughCheck.explain(model, request, trace);
            if (passthrough.isPresent()) {
                return passthrough.get();
            }
        }
        Optional<ServedCertificate> certificate = request.https()
                ? Optional.of(CertificateSelector.select(model.servers(), request, trace)) : Optional.empty();
        Server server = lookup.server();
        Location location = locate(server, lookup.match(), request, trace);

        Optional<String> hsts = Carriage.hsts(request.https(), server.hasTls(), model.profile().hsts());
        Optional<Decision> early = Optional.empty();
        boolean mutual = false;
        if (request.https()) {
            ClientCertificateCheck.Result check = ClientCertificateCheck.check(server, request, trace);
            early = check.decision();
            mutual = check.verified();
            hsts.ifPresent(value -> trace.note(TraceStep.Stage.TLS, "HSTS", "HTTPS responses carry"
                    + " Strict-Transport-Security (" + value + "), so browsers stop using plain HTTP for this host"));
        } else {
            early = redirect(request, server, location, trace);
        }
        Optional<ResolvedBackend> backend = location.backend()
                .map(b -> model.backends().resolve(location.namespace(), b));
        backend.ifPresent(b -> trace.note(TraceStep.Stage.BACKEND, b.display(), b.detail()));
        Decision decision = early.orElseGet(() -> decide(request, location, backend));
        Leg front = LegAssessor.front(request, certificate, mutual, decision.outcome());
        Optional<Upstream> upstream = location.nginx().flatMap(n -> backend.map(b -> upstreams.decide(n, b.service())));
        Leg toService = LegAssessor.backend(upstream, backend, decision.outcome());
        Leg toPods = LegAssessor.endpoints(toService, backend);
        return new Explanation(request, decision, location.match(), backend, certificate,
                List.of(front, toService, toPods), trace.steps(), new Carriage(upstream.orElse(Upstream.PLAIN_HTTP), hsts));
    }

    private void noteClasses(String host, Trace trace) {
        for (ClassVerdict verdict : model.classes().verdicts()) {
            if (!relevant(verdict, host)) {
                continue;
            }
            if (verdict.accepted()) {
                trace.note(TraceStep.Stage.CLASS, verdict.ref().toString(), "handled by ingress-nginx: " + verdict.reason());
            } else {
                trace.ignored(TraceStep.Stage.CLASS, verdict.ref().toString(), "not handled by ingress-nginx: "
                        + verdict.reason());
            }
        }
        for (ObjectRef canary : model.servers().canaries()) {
            trace.ignored(TraceStep.Stage.CLASS, canary.toString(), "a canary Ingress only adds weight to the backends"
                    + " of another Ingress with the same host and path; canary traffic splitting is not modelled");
        }
    }

    private static boolean relevant(ClassVerdict verdict, String host) {
        var spec = verdict.ingress().getSpec();
        if (spec == null) {
            return false;
        }
        if (spec.getDefaultBackend() != null) {
            return true;
        }
        return spec.getRules() != null && spec.getRules().stream()
                .anyMatch(r -> HostPattern.parse(r.getHost()).matches(host));
    }

    private void traceHost(ServerTable.Lookup lookup, String host, Trace trace) {
        ServerTable servers = model.servers();
        Server server = lookup.server();
        switch (lookup.match()) {
            case EXACT -> {
                trace.chosen(TraceStep.Stage.HOST, host, "a rule names this host exactly (" + contributors(server) + ")");
                servers.wildcardFor(host).ifPresent(w -> trace.lost(TraceStep.Stage.HOST, w.pattern().host(),
                        "an exact host is more specific than a wildcard"));
            }
            case WILDCARD -> trace.chosen(TraceStep.Stage.HOST, server.pattern().host(), "the wildcard covers "
                    + host + " (exactly one label) and no rule names " + host + " exactly (" + contributors(server) + ")");
            case CATCH_ALL -> {
                trace.chosen(TraceStep.Stage.HOST, "(any host)", "no rule names " + host
                        + ", so the rules without a host and the catch-all default backend apply");
                for (Server other : servers.byHost().values()) {
                    HostPattern p = other.pattern();
                    if (p.kind() == HostPattern.Kind.WILDCARD && host.endsWith(p.host().substring(1))) {
                        trace.lost(TraceStep.Stage.HOST, p.host(), "a wildcard covers exactly one label; " + host
                                + " has more");
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        if (!server.catchAll() && !servers.catchAll().paths().isEmpty()) {
            trace.lost(TraceStep.Stage.HOST, "(any host)", "rules without a host apply only to hosts no rule names;"
                    + " nginx does not fall back from one host to another");
        }
    }

    private static String contributors(Server server) {
        return String.join(", ", server.contributors().stream().map(ObjectRef::toString).toList());
    }

    private Location locate(Server server, ServerTable.HostMatch hostMatch, ProbeRequest request, Trace trace) {
        Optional<PathSelector.Selected> selected = PathSelector.select(server, request.path(), trace);
        String hostLabel = server.pattern().display();
        if (selected.isPresent()) {
            PathRule rule = selected.get().rule();
            RouteMatch match = new RouteMatch(rule.ingress(), hostLabel, hostMatch, OptionalInt.of(rule.ruleIndex()),
                    OptionalInt.of(rule.pathIndex()), Optional.of(rule.path()), Optional.of(rule.kind().label()),
                    false, server.regex());
            return new Location(Optional.of(match), Optional.ofNullable(rule.backend()), rule.ingress().namespace(),
                    Optional.of(rule.annotations()), Optional.of(rule), selected.get().match());
        }
        Optional<NginxAnnotations> fallbackNginx = server.catchAll() ? Optional.empty()
                : Optional.of(server.fallbackNginx());
        if (server.fallback().isPresent()) {
            var fallback = server.fallback().get();
            trace.chosen(TraceStep.Stage.BACKEND, "spec.defaultBackend of " + fallback.ingress(), "no path matched "
                    + request.path() + ", so the Ingress's default backend answers");
            RouteMatch match = new RouteMatch(fallback.ingress(), hostLabel, hostMatch, OptionalInt.empty(),
                    OptionalInt.empty(), Optional.empty(), Optional.empty(), true, false);
            return new Location(Optional.of(match), Optional.of(fallback.backend()), fallback.ingress().namespace(),
                    Optional.of(server.catchAll() ? fallback.annotations() : server.fallbackNginx()),
                    Optional.empty(), Optional.empty());
        }
        trace.chosen(TraceStep.Stage.BACKEND, "controller default backend", "no path matched " + request.path()
                + (server.catchAll() ? "" : " and the Ingress that defines " + server.pattern().host()
                + " has no spec.defaultBackend") + ", so ingress-nginx's default backend answers 404");
        return new Location(Optional.empty(), Optional.empty(), "", fallbackNginx, Optional.empty(), Optional.empty());
    }

    private Optional<Decision> redirect(ProbeRequest request, Server server, Location location, Trace trace) {
        if (location.nginx().isEmpty()) {
            trace.note(TraceStep.Stage.REDIRECT, "no redirect", "requests no host rule matches are not redirected");
            return Optional.empty();
        }
        NginxAnnotations nginx = location.nginx().get();
        String owner = location.match().map(m -> m.ingress().toString())
                .or(() -> server.createdBy().map(ObjectRef::toString)).orElse("the Ingress");
        String target = "https://" + request.host() + request.pathAndQuery();
        if (nginx.forceSslRedirect()) {
            trace.chosen(TraceStep.Stage.REDIRECT, "308 to HTTPS", "force-ssl-redirect is on for " + owner);
            return Optional.of(redirectTo(target, "force-ssl-redirect on " + owner));
        }
        if (!server.hasTls()) {
            trace.note(TraceStep.Stage.REDIRECT, "no redirect", "no tls section applies to " + server.pattern().display()
                    + ", so plain HTTP is served");
            return Optional.empty();
        }
        if (nginx.sslRedirect().orElse(true)) {
            trace.chosen(TraceStep.Stage.REDIRECT, "308 to HTTPS", "the host has TLS (tls section of "
                    + server.tls().get().ingress() + ") and ssl-redirect is " + (nginx.sslRedirect().isPresent()
                    ? "on" : "on by default"));
            return Optional.of(redirectTo(target, "the host has TLS and ssl-redirect is on"));
        }
        trace.note(TraceStep.Stage.REDIRECT, "no redirect", "ssl-redirect is \"false\" on " + owner
                + ", so plain HTTP is served although the host has TLS");
        return Optional.empty();
    }

    private static Decision redirectTo(String target, String why) {
        return new Decision(Outcome.REDIRECT, Outcome.REDIRECT.status(), "Redirected to " + target + " (308): " + why,
                Optional.of(target), Optional.empty());
    }

    private static Decision decide(ProbeRequest request, Location location, Optional<ResolvedBackend> backend) {
        if (backend.isEmpty()) {
            return Decision.of(Outcome.NOT_FOUND, "No Ingress path matches " + request.host() + request.path()
                    + "; ingress-nginx's default backend answers 404");
        }
        ResolvedBackend b = backend.get();
        boolean viaDefault = location.match().map(RouteMatch::defaultBackend).orElse(false);
        if (!b.servesTraffic()) {
            return Decision.of(Outcome.SERVICE_UNAVAILABLE, "ingress-nginx answers 503: " + b.detail());
        }
        Optional<String> upstream = Optional.empty();
        if (location.rule().isPresent() && location.regexMatch().isPresent()) {
            Optional<String> target = location.rule().get().annotations().rewriteTarget();
            if (target.isPresent()) {
                String rewritten = PathMatch.rewrite(target.get(), location.regexMatch().get());
                upstream = Optional.of(request.query().isEmpty() || rewritten.contains("?") ? rewritten
                        : rewritten + "?" + request.query());
            }
        }
        Outcome outcome = viaDefault ? Outcome.DEFAULT_BACKEND : Outcome.ROUTED;
        String summary = (viaDefault ? "Sent to the default backend " : "Routed to ") + b.display()
                + upstream.map(p -> " as " + p).orElse("");
        return new Decision(outcome, outcome.status(), summary, Optional.empty(), upstream);
    }
}
