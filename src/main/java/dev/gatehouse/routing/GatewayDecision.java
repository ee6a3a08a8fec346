package dev.gatehouse.routing;

import dev.gatehouse.routing.gateway.GatewayBackend;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayRule;
import dev.gatehouse.routing.gateway.GatewayState;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.BackendResolver;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.HostMatch;
import dev.gatehouse.routing.route.BackendChoice;
import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.RouteFilter;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.Upstream;
import java.util.ArrayList;
import java.util.List;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the winning HTTPRoute rule does: its filters in order (RequestRedirect answers; URLRewrite changes the
 * path and Host the backend receives; header modifiers; RequestMirror and CORS are shown, not applied), then
 * the backend chosen by weight (0 = never), 500 when no backendRef is valid, 503 when the chosen Service has no
 * ready endpoint.
 */
final class GatewayDecision {

    /**
     * The decision and what the explanation shows of it.
     *
     * @param decision     status, summary, Location, upstream path
     * @param rule         the winning rule
     * @param match        the rule as a {@link RouteMatch}
     * @param backend      the chosen backend, resolved
     * @param upstream     how the Gateway speaks to it
     * @param toService    the controller → Service leg
     * @param upstreamPath the path the backend receives
     * @param upstreamHost the Host the backend receives
     * @param backends     the rule's backendRefs with weights
     */
    record Outcome(Decision decision, Optional<GatewayRule> rule, Optional<RouteMatch> match,
                   Optional<ResolvedBackend> backend, Optional<Upstream> upstream, Leg toService,
                   Optional<String> upstreamPath, Optional<String> upstreamHost, List<GatewayFacts.Backend> backends) {

        /** No rule took the request (the decision is made by the caller). */
        static Outcome none() {
            return new Outcome(Decision.of(dev.gatehouse.routing.Outcome.NOT_FOUND, ""), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), GatewayLegs.none(), Optional.empty(),
                    Optional.empty(), List.of());
        }
    }

    private final BackendResolver resolver;

    GatewayDecision(BackendResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @param draw a number choosing among the weighted backends ({@link BackendChoice#choose}); 0 = the first
     */
    Outcome decide(GatewayListener listener, GatewayRuleStep.Selected selected, ProbeRequest request, Trace trace,
                   long draw) {
        return decide(listener, selected, request, trace, draw, Optional.empty());
    }

    /**
     * @param gateway the listener's Gateway: its client certificate goes to TLS backends
     *                ({@code spec.tls.backend.clientCertificateRef}, {@link GatewayState#carrying})
     */
    Outcome decide(GatewayListener listener, GatewayRuleStep.Selected selected, ProbeRequest request, Trace trace,
                   long draw, Optional<GatewayState> gateway) {
        if (selected.rule().isEmpty()) {
            Outcome none = Outcome.none();
            return new Outcome(Decision.of(dev.gatehouse.routing.Outcome.NOT_FOUND, "No HTTPRoute rule of listener "
                    + listener.name() + " matches " + request.host() + request.path() + "; the Gateway answers 404"),
                    none.rule(), none.match(), none.backend(), none.upstream(), none.toService(), none.upstreamPath(),
                    none.upstreamHost(), none.backends());
        }
        GatewayRule rule = selected.rule().get();
        RoutePath path = rule.path();
        String matchedPrefix = path.type() == RoutePath.Type.PREFIX ? path.value() : "/";
        Optional<RouteMatch> match = Optional.of(match(rule));
        List<GatewayFacts.Backend> shares = shares(rule.backends());
        String upstreamPath = request.path();
        String upstreamHost = request.host();
        boolean rewritten = false;
        for (RouteFilter filter : rule.rule().filters()) {
            if (filter instanceof RouteFilter.RequestRedirect redirect) {
                String location = redirect.location(request.scheme(), request.host(), listener.port(), matchedPrefix,
                        request.path(), request.query());
                trace.chosen(TraceStep.Stage.REDIRECT, redirect.subject(), "the rule's RequestRedirect filter answers"
                        + " instead of a backend; Location: " + location);
                Decision d = new Decision(dev.gatehouse.routing.Outcome.REDIRECT, redirect.status(), "Redirected to "
                        + location + " (" + redirect.status() + ") by the RequestRedirect filter of " + rule.display(),
                        Optional.of(location), Optional.empty());
                return new Outcome(d, Optional.of(rule), match, Optional.empty(), Optional.empty(), GatewayLegs.none(),
                        Optional.empty(), Optional.empty(), shares);
            } else if (filter instanceof RouteFilter.UrlRewrite rewrite) {
                if (rewrite.path().isPresent()) {
                    upstreamPath = rewrite.path().get().apply(matchedPrefix, request.path());
                    rewritten = true;
                }
                if (rewrite.hostname().isPresent()) {
                    upstreamHost = rewrite.hostname().get();
                }
                trace.note(TraceStep.Stage.BACKEND, "URLRewrite", "the backend receives " + upstreamHost + " "
                        + upstreamPath + rewrite.path().map(p -> " (" + p.display() + ")").orElse(""));
            } else if (filter instanceof RouteFilter.HeaderChange change) {
                trace.note(TraceStep.Stage.BACKEND, change.direction() == RouteFilter.Direction.REQUEST
                        ? "RequestHeaderModifier" : "ResponseHeaderModifier", headers(change));
            } else if (filter instanceof RouteFilter.Unapplied unapplied) {
                trace.note(TraceStep.Stage.BACKEND, unapplied.type(), unapplied.summary() + " (shown, not applied by"
                        + " Gatehouse)");
            }
        }
        String pathAndQuery = request.query().isEmpty() ? upstreamPath : upstreamPath + "?" + request.query();
        traceShares(rule, trace);
        BackendChoice choice = BackendChoice.choose(rule.rule(), b -> valid(rule, b), draw);
        if (choice.backend().isEmpty()) {
            String why = rule.backends().isEmpty() ? "the rule names no backendRefs"
                    : "no backendRef of the rule is valid";
            trace.chosen(TraceStep.Stage.BACKEND, "500", why + ", so the Gateway answers 500");
            Decision d = Decision.of(dev.gatehouse.routing.Outcome.NO_VALID_BACKEND, "The Gateway answers 500: " + why
                    + " (" + rule.display() + ")");
            return new Outcome(d, Optional.of(rule), match, Optional.empty(), Optional.empty(), GatewayLegs.none(),
                    Optional.empty(), Optional.of(upstreamHost), shares);
        }
        BackendRef chosen = choice.backend().get();
        GatewayBackend checked = rule.backends().stream().filter(b -> b.ref().equals(chosen)).findFirst().orElseThrow();
        ResolvedBackend resolved = resolver.resolve(chosen);
        trace.note(TraceStep.Stage.BACKEND, resolved.display(), resolved.detail());
        Decision d;
        if (!resolved.servesTraffic()) {
            d = Decision.of(dev.gatehouse.routing.Outcome.SERVICE_UNAVAILABLE, "The Gateway answers 503: "
                    + resolved.detail());
        } else {
            d = new Decision(dev.gatehouse.routing.Outcome.ROUTED, 200, "Routed to " + resolved.display()
                    + (rewritten ? " as " + pathAndQuery : "") + " by " + rule.display(), Optional.empty(),
                    Optional.of(pathAndQuery));
        }
        Upstream upstream = gateway.map(g -> g.carrying(checked.upstream())).orElse(checked.upstream());
        upstream.clientCertificate().ifPresent(c -> trace.note(TraceStep.Stage.BACKEND, "client certificate",
                "the Gateway presents Secret " + c.secret().path() + " (spec.tls.backend.clientCertificateRef) on the"
                + " TLS connection to " + resolved.display()));
        Leg toService = GatewayLegs.toService(checked, upstream, resolved, d.outcome());
        return new Outcome(d, Optional.of(rule), match, Optional.of(resolved), Optional.of(upstream),
                toService, Optional.of(pathAndQuery), Optional.of(upstreamHost), shares);
    }

    private static boolean valid(GatewayRule rule, BackendRef ref) {
        return rule.backends().stream().filter(b -> b.ref().equals(ref)).anyMatch(GatewayBackend::valid);
    }

    private static void traceShares(GatewayRule rule, Trace trace) {
        long total = rule.backends().stream().filter(GatewayBackend::valid).mapToLong(b -> b.ref().weight()).sum();
        if (rule.backends().size() < 2 && rule.backends().stream().allMatch(GatewayBackend::valid)) {
            return;
        }
        for (GatewayBackend b : rule.backends()) {
            if (b.invalid().isPresent()) {
                trace.ignored(TraceStep.Stage.BACKEND, b.display(), b.invalid().get().message() + " ("
                        + b.invalid().get().reason() + "); its share of the traffic gets 500");
            } else if (b.ref().weight() == 0) {
                trace.ignored(TraceStep.Stage.BACKEND, b.display(), "weight 0: never chosen");
            } else {
                trace.note(TraceStep.Stage.BACKEND, b.display(), "gets " + Math.round(100.0 * b.ref().weight() / total)
                        + "% of the requests (weight " + b.ref().weight() + " of " + total + ")");
            }
        }
    }

    static List<GatewayFacts.Backend> shares(List<GatewayBackend> backends) {
        List<GatewayFacts.Backend> out = new ArrayList<>();
        for (GatewayBackend b : backends) {
            out.add(new GatewayFacts.Backend(b.ref().namespace() + "/" + b.ref().name(), b.ref().portNumber(),
                    b.ref().weight(), b.valid()));
        }
        return out;
    }

    private static String headers(RouteFilter.HeaderChange change) {
        List<String> parts = new ArrayList<>();
        change.set().forEach((k, v) -> parts.add("set " + k + ": " + v));
        change.add().forEach((k, v) -> parts.add("add " + k + ": " + v));
        change.remove().forEach(k -> parts.add("remove " + k));
        return (change.direction() == RouteFilter.Direction.REQUEST ? "the backend receives the request with "
                : "the client receives the response with ") + (parts.isEmpty() ? "no change" : String.join(", ", parts));
    }

    private static RouteMatch match(GatewayRule rule) {
        HostPattern h = rule.hostname();
        HostMatch hostMatch = switch (h.kind()) {
            case EXACT -> HostMatch.EXACT;
            case WILDCARD -> HostMatch.WILDCARD;
            case ANY -> HostMatch.CATCH_ALL;
        };
        RoutePath p = rule.path();
        return new RouteMatch(rule.route(), h.display(), hostMatch, OptionalInt.of(rule.ruleIndex()),
                OptionalInt.of(rule.matchIndex()), Optional.of(p.value()), Optional.of(p.writtenAs()), false,
                p.type() == RoutePath.Type.REGEX);
    }

}
