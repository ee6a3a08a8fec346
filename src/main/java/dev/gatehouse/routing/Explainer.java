package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.BackendResolver;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.route.BackendChoice;
import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.Carriage;
import dev.gatehouse.routing.route.HostMatch;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.HostTable;
import dev.gatehouse.routing.route.NoValidBackend;
import dev.gatehouse.routing.route.PathMatch;
import dev.gatehouse.routing.route.RedirectDecision;
import dev.gatehouse.routing.route.RouteFilter;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.routing.route.VirtualHost;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;

/** Explains one request against a {@link RoutingModel}. */
final class Explainer {

    /** Where the request lands inside the chosen server (path or default backend), if anywhere. */
    private record Location(Optional<RouteMatch> match, Optional<RouteRule> rule, Optional<Matcher> regexMatch,
                            RedirectDecision redirect) {

        /** The rule's backend choice (weights; its no-valid-backend answer), when a rule took the request. */
        Optional<BackendChoice> choice(BackendResolver backends) {
            return rule.map(r -> BackendChoice.choose(r, b -> backends.resolve(b).servesTraffic(), 0));
        }

        /** The chosen backend, else the rule's first one (whose state explains why none can take traffic). */
        Optional<BackendRef> backend(Optional<BackendChoice> choice) {
            return choice.flatMap(BackendChoice::backend).or(() -> rule.flatMap(RouteRule::firstBackend));
        }
    }

    private final RoutingModel model;
    private volatile ClassNotesIndex classNotes;

    Explainer(RoutingModel model) {
        this.model = model;
    }

    private volatile java.util.Set<ObjectRef> canarySet;

    private java.util.Set<ObjectRef> canaries() {
        java.util.Set<ObjectRef> set = canarySet;
        if (set == null) {
            set = java.util.Set.copyOf(model.servers().canaries());
            canarySet = set; // racy but idempotent, as classNotes
        }
        return set;
    }

    private ClassNotesIndex classNotes() {
        ClassNotesIndex index = classNotes;
        if (index == null) {
            index = new ClassNotesIndex(model.classes().verdicts());
            classNotes = index; // racy but idempotent: every thread builds the same index
        }
        return index;
    }

    Explanation explain(ProbeRequest request) {
        Trace trace = new Trace();
        noteClasses(request.host(), trace);
        HostTable.Lookup lookup = model.routes().lookup(request.host());
        traceHost(lookup, request.host(), trace);
        if (request.https()) {
            Optional<Explanation> passthrough = PassthroughCheck.explain(model, request, trace);
            if (passthrough.isPresent()) {
                return passthrough.get();
            }
        }
        Optional<ServedCertificate> certificate = request.https() ? Optional.of(select(request, trace)) : Optional.empty();
        VirtualHost host = lookup.host();
        Location location = locate(host, lookup.match(), request, trace);

        Optional<String> hsts = Carriage.hsts(request.https(), host.tls().enabled(), model.profile().hsts());
        Optional<Decision> early = Optional.empty();
        boolean mutual = false;
        if (request.https()) {
            ClientCertificateCheck.Result check = ClientCertificateCheck.check(host, request, trace);
            early = check.decision();
            mutual = check.verified();
            hsts.ifPresent(value -> trace.note(TraceStep.Stage.TLS, "HSTS", "HTTPS responses carry"
                    + " Strict-Transport-Security (" + value + "), so browsers stop using plain HTTP for this host"));
        } else {
            early = redirect(request, location, trace);
        }
        Optional<BackendChoice> choice = location.choice(model.backends());
        Optional<ResolvedBackend> backend = location.backend(choice).map(b -> model.backends().resolve(b));
        backend.ifPresent(b -> trace.note(TraceStep.Stage.BACKEND, b.display(), b.detail()));
        Decision decision = early.orElseGet(() -> decide(request, location, backend, choice));
        Leg front = LegAssessor.front(request, certificate, mutual, decision.outcome());
        Optional<Upstream> upstream = location.rule().flatMap(RouteRule::upstream);
        Leg toService = LegAssessor.backend(upstream, backend, decision.outcome());
        Leg toPods = LegAssessor.endpoints(toService, backend);
        return new Explanation(request, decision, location.match(), backend, certificate,
                List.of(front, toService, toPods), trace.steps(), new Carriage(upstream.orElse(Upstream.PLAIN_HTTP), hsts));
    }

    /**
     * The certificate {@link #explain} reports for an HTTPS request, by the same two steps (passthrough, then the
     * choice by SNI) without the rest of the explanation: what a TLS handshake with the request's SNI gets.
     */
    Optional<ServedCertificate> certificate(ProbeRequest request) {
        if (!request.https()) {
            return Optional.empty();
        }
        Trace scratch = new Trace();
        Optional<Explanation> passthrough = PassthroughCheck.explain(model, request, scratch);
        return passthrough.isPresent() ? passthrough.get().certificate() : Optional.of(select(request, scratch));
    }

    private ServedCertificate select(ProbeRequest request, Trace trace) {
        return CertificateSelector.select(model.routes(), request, trace);
    }

    private void noteClasses(String host, Trace trace) {
        List<ClassVerdict> relevant = classNotes().relevantTo(host);
        for (ClassVerdict verdict : relevant) {
            if (verdict.accepted()) {
                trace.note(TraceStep.Stage.CLASS, verdict.ref().toString(), "handled by ingress-nginx: " + verdict.reason());
            } else {
                trace.ignored(TraceStep.Stage.CLASS, verdict.ref().toString(), "not handled by ingress-nginx: "
                        + verdict.reason());
            }
        }
        // the canaries with a rule for this host (all of them, traced for every request, cost most of a request's
        // time with a hundred canaries among a thousand Ingresses)
        java.util.Set<ObjectRef> canaries = canaries();
        for (ObjectRef canary : relevant.stream().map(ClassVerdict::ref).filter(canaries::contains).toList()) {
            trace.ignored(TraceStep.Stage.CLASS, canary.toString(), "a canary Ingress only adds weight to the backends"
                    + " of another Ingress with the same host and path; canary traffic splitting is not modelled");
        }
    }

    private void traceHost(HostTable.Lookup lookup, String host, Trace trace) {
        HostTable hosts = model.routes();
        VirtualHost found = lookup.host();
        switch (lookup.match()) {
            case EXACT -> {
                trace.chosen(TraceStep.Stage.HOST, host, "a rule names this host exactly (" + contributors(found) + ")");
                hosts.wildcardFor(host).ifPresent(w -> trace.lost(TraceStep.Stage.HOST, w.pattern().host(),
                        "an exact host is more specific than a wildcard"));
            }
            case WILDCARD -> trace.chosen(TraceStep.Stage.HOST, found.pattern().host(), "the wildcard covers "
                    + host + " (" + reach(found.pattern()) + ") and no rule names " + host + " exactly ("
                    + contributors(found) + ")");
            case CATCH_ALL -> {
                trace.chosen(TraceStep.Stage.HOST, "(any host)", "no rule names " + host
                        + ", so the rules without a host and the catch-all default backend apply");
                for (VirtualHost other : hosts.all()) {
                    HostPattern p = other.pattern();
                    if (p.kind() == HostPattern.Kind.WILDCARD && p.span() == HostPattern.WildcardSpan.ONE_LABEL
                            && host.endsWith(p.host().substring(1))) {
                        trace.lost(TraceStep.Stage.HOST, p.host(), "a wildcard covers exactly one label; " + host
                                + " has more");
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        if (!found.catchAll() && !hosts.catchAll().rules().isEmpty()) {
            trace.lost(TraceStep.Stage.HOST, "(any host)", "rules without a host apply only to hosts no rule names;"
                    + " nginx does not fall back from one host to another");
        }
    }

    private static String reach(HostPattern wildcard) {
        return wildcard.span() == HostPattern.WildcardSpan.ONE_LABEL ? "exactly one label" : "one or more labels";
    }

    private static String contributors(VirtualHost host) {
        return String.join(", ", host.contributors().stream().map(ObjectRef::toString).toList());
    }

    private Location locate(VirtualHost host, HostMatch hostMatch, ProbeRequest request, Trace trace) {
        Optional<PathSelector.Selected> selected = PathSelector.select(host, request.path(), trace);
        String hostLabel = host.pattern().display();
        if (selected.isPresent()) {
            RouteRule rule = selected.get().rule();
            RoutePath path = selected.get().path();
            RouteMatch match = new RouteMatch(rule.source().object(), hostLabel, hostMatch, rule.source().ruleIndex(),
                    rule.source().pathIndex(), Optional.of(path.value()), Optional.of(path.writtenAs()), false,
                    host.regex());
            return new Location(Optional.of(match), Optional.of(rule), selected.get().match(),
                    rule.redirectDecision());
        }
        if (host.fallback().isPresent()) {
            RouteRule fallback = host.fallback().get();
            trace.chosen(TraceStep.Stage.BACKEND, "spec.defaultBackend of " + fallback.source().object(),
                    "no path matched " + request.path() + ", so the Ingress's default backend answers");
            RouteMatch match = new RouteMatch(fallback.source().object(), hostLabel, hostMatch, OptionalInt.empty(),
                    OptionalInt.empty(), Optional.empty(), Optional.empty(), true, false);
            return new Location(Optional.of(match), Optional.of(fallback), Optional.empty(),
                    fallback.redirectDecision());
        }
        trace.chosen(TraceStep.Stage.BACKEND, "controller default backend", "no path matched " + request.path()
                + (host.pattern().kind() == HostPattern.Kind.ANY ? "" : " and the Ingress that defines "
                + host.pattern().host() + " has no spec.defaultBackend") + ", so ingress-nginx's default backend"
                + " answers 404");
        return new Location(Optional.empty(), Optional.empty(), Optional.empty(), host.unmatchedRedirect());
    }

    private static Optional<Decision> redirect(ProbeRequest request, Location location, Trace trace) {
        RedirectDecision decision = location.redirect();
        if (decision.redirect().isEmpty()) {
            trace.note(TraceStep.Stage.REDIRECT, "no redirect", decision.note());
            return Optional.empty();
        }
        RouteFilter.Redirect redirect = decision.redirect().get();
        trace.chosen(TraceStep.Stage.REDIRECT, redirect.subject(), redirect.why());
        String target = redirect.location("http", request.host(), request.pathAndQuery());
        return Optional.of(new Decision(Outcome.REDIRECT, redirect.status(), "Redirected to " + target + " ("
                + redirect.status() + "): " + redirect.summary(), Optional.of(target), Optional.empty()));
    }

    private static Decision decide(ProbeRequest request, Location location, Optional<ResolvedBackend> backend,
                                   Optional<BackendChoice> choice) {
        if (backend.isEmpty()) {
            return Decision.of(Outcome.NOT_FOUND, "No Ingress path matches " + request.host() + request.path()
                    + "; ingress-nginx's default backend answers 404");
        }
        ResolvedBackend b = backend.get();
        boolean viaDefault = location.match().map(RouteMatch::defaultBackend).orElse(false);
        if (choice.map(c -> c.backend().isEmpty()).orElse(!b.servesTraffic())) {
            return noValidBackend(location.rule().map(RouteRule::noBackend).orElse(NoValidBackend.SERVICE_UNAVAILABLE),
                    b);
        }
        Optional<String> upstream = Optional.empty();
        if (location.rule().isPresent() && location.regexMatch().isPresent()) {
            Optional<String> target = location.rule().get().rewrite().map(RouteFilter.Rewrite::target);
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

    /** The rule matched but no backend can take traffic: the answer its front-end set ({@link RouteRule#noBackend()}). */
    private static Decision noValidBackend(NoValidBackend answer, ResolvedBackend backend) {
        return switch (answer) {
            case SERVICE_UNAVAILABLE -> Decision.of(Outcome.SERVICE_UNAVAILABLE, "ingress-nginx answers 503: "
                    + backend.detail());
            case INTERNAL_ERROR -> Decision.of(Outcome.NO_VALID_BACKEND, "The controller answers 500: no backend of"
                    + " the matched rule can take traffic (" + backend.detail() + ")");
        };
    }
}
