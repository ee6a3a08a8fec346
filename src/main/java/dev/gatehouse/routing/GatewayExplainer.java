package dev.gatehouse.routing;

import dev.gatehouse.routing.gateway.GatewayBackend;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.Hostnames;
import dev.gatehouse.routing.gateway.ListenerChoice;
import dev.gatehouse.routing.gateway.TlsRouteTarget;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.SecretState;
import dev.gatehouse.routing.route.Carriage;
import dev.gatehouse.routing.route.RouteFilter;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.tls.HostCoverage;
import dev.gatehouse.tls.HostnameMatcher;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Explains a request that a Gateway listener takes, as a conformant Gateway API controller answers it: the
 * listener by port, protocol and SNI (or Host), the certificate of that listener, 421 when the Host belongs to
 * another listener than the SNI chose, then the HTTPRoute rule ({@link GatewayRuleStep}) and what it does
 * ({@link GatewayDecision}).
 */
final class GatewayExplainer {

    private final GatewayModel gateways;
    private final RoutingModel model;

    private final GatewayHostIndex index;
    private final ListenerSelector listeners;
    /** Listeners whose hostname does not cover the request are traced one by one up to this many, then counted. */
    private static final int TRACED_MISSES = 5;

    GatewayExplainer(GatewayModel gateways, RoutingModel model) {
        this.gateways = gateways;
        this.model = model;
        this.index = new GatewayHostIndex(gateways);
        this.listeners = new ListenerSelector(gateways);
    }

    /** Whether a Gateway listener of the input takes the request (its port, protocol and hostname). */
    boolean takes(ProbeRequest request) {
        return !gateways.isEmpty()
                && listeners.selection(request.port(), request.scheme(), name(request)).matching().length > 0;
    }

    /** One sentence saying why the Ingress engine answers although the input has Gateways. */
    Optional<TraceStep> whyNotGateway(ProbeRequest request) {
        if (gateways.isEmpty()) {
            return Optional.empty();
        }
        List<GatewayListener> onPort = listeners.select(request.port(), request.scheme(), name(request)).candidates();
        String why = onPort.isEmpty() ? "no listener of an accepted Gateway speaks " + request.scheme().toUpperCase()
                + " on port " + request.port() : "no Gateway listener on port " + request.port() + " takes "
                + name(request).orElse("a connection without SNI") + " (" + String.join(", ",
                onPort.stream().limit(TRACED_MISSES).map(GatewayListener::display).toList())
                + (onPort.size() > TRACED_MISSES ? " and " + (onPort.size() - TRACED_MISSES) + " more" : "") + ")";
        return Optional.of(new TraceStep(TraceStep.Stage.CLASS, TraceStep.Verdict.NOTE, "Ingress engine",
                why + ", so the Ingress controller answers"));
    }

    private static Optional<String> name(ProbeRequest request) {
        return request.https() ? request.sni() : Optional.of(request.host());
    }

    Explanation explain(ProbeRequest request) {
        return explain(request, 0);
    }

    /** @param draw chooses among the weighted backends of the matched rule (see {@link RoutingSnapshot#explain(ProbeRequest, long)}) */
    Explanation explain(ProbeRequest request, long draw) {
        Trace trace = new Trace();
        Optional<String> name = name(request);
        ListenerSelector.Selection selection = listeners.selection(request.port(), request.scheme(), name);
        ListenerChoice choice = selection.choice();
        trace.note(TraceStep.Stage.CLASS, "Gateway API", "a Gateway listener on port " + request.port() + " takes "
                + name.orElse("connections without SNI") + ", so the Gateway answers, not the Ingress controller");
        traceListeners(selection, name, request, trace);
        if (choice.chosen().isEmpty()) {
            GatewayListener broken = choice.candidates().get(selection.matching()[0]);
            String why = broken.condition("Programmed").map(c -> c.message()).orElse("");
            return answer(request, Decision.of(Outcome.NOT_FOUND, "Listener " + broken.name() + " of " + broken.gateway()
                    + " is not programmed (" + why + "); it serves nothing"), Optional.empty(), trace, broken,
                    GatewayDecision.Outcome.none());
        }
        GatewayListener listener = choice.chosen().get();
        Optional<ServedCertificate> certificate = Optional.empty();
        boolean mutual = false;
        if (request.https()) {
            if (listener.tlsMode().map("Passthrough"::equals).orElse(false)) {
                return passthrough(request, listener, trace);
            }
            certificate = Optional.of(certificate(listener, request, trace));
            GatewayClientCertificateCheck.Result client = GatewayClientCertificateCheck.check(listener, request, trace);
            if (client.decision().isPresent()) {
                return answer(request, client.decision().get(), certificate, trace, listener,
                        GatewayDecision.Outcome.none(), false);
            }
            mutual = client.verified();
            Optional<GatewayListener> byHost = listeners.select(request.port(), request.scheme(),
                    Optional.of(request.host())).chosen();
            if (byHost.isPresent() && !byHost.get().key().equals(listener.key())) {
                trace.chosen(TraceStep.Stage.HOST, "421 Misdirected Request", "the Host " + request.host()
                        + " belongs to listener " + byHost.get().name() + ", but the SNI " + name.orElse("(none)")
                        + " chose listener " + listener.name() + " (a connection reused for another certificate)");
                return answer(request, Decision.of(Outcome.MISDIRECTED, "The Host " + request.host() + " belongs to"
                        + " listener " + byHost.get().name() + ", not to listener " + listener.name() + " that the SNI "
                        + name.orElse("") + " chose; the Gateway answers 421 Misdirected Request"), certificate, trace,
                        listener, GatewayDecision.Outcome.none());
            }
        }
        GatewayRuleStep.Selected selected = new GatewayRuleStep(index).select(listener, request, trace);
        GatewayDecision.Outcome decided = new GatewayDecision(model.backends()).decide(listener, selected, request, trace,
                draw, gateways.gateway(listener.gateway()));
        return answer(request, decided.decision(), certificate, trace, listener, decided, mutual);
    }

    private void traceListeners(ListenerSelector.Selection selection, Optional<String> name, ProbeRequest request,
                                Trace trace) {
        ListenerChoice choice = selection.choice();
        int[] hits = selection.matching();
        List<GatewayListener> candidates = choice.candidates();
        String subject = name.orElse("no SNI");
        int misses = 0;
        int hit = 0;
        for (int i = 0; i < candidates.size(); i++) {
            GatewayListener l = candidates.get(i);
            boolean matches = hit < hits.length && hits[hit] == i;
            if (matches) {
                hit++;
            } else if (++misses > TRACED_MISSES) {
                if (hit == hits.length) { // only misses from here on: count them
                    misses += candidates.size() - i - 1;
                    break;
                }
                continue;
            }
            String label = "listener " + l.display() + " of " + l.gateway();
            if (choice.chosen().isPresent() && choice.chosen().get().key().equals(l.key())) {
                trace.chosen(TraceStep.Stage.HOST, label, "port " + l.port() + ", " + l.protocolName() + ", and its"
                        + " hostname covers " + subject + " " + Hostnames.how(l.hostname(), subject)
                        + (request.https() ? " (chosen by the TLS SNI)" : " (chosen by the Host header)"));
            } else if (!matches) {
                trace.ignored(TraceStep.Stage.HOST, label, "its hostname " + l.hostname().display() + " does not cover "
                        + subject + (l.hostname().kind() == HostPattern.Kind.WILDCARD
                        ? " (a wildcard needs at least one more label, never the apex)" : ""));
            } else if (!l.programmed()) {
                trace.ignored(TraceStep.Stage.HOST, label, "not programmed ("
                        + l.condition("Programmed").map(c -> c.message()).orElse("") + "): it serves nothing");
            } else {
                trace.lost(TraceStep.Stage.HOST, label, "a listener with a more specific hostname takes " + subject
                        + " (exact beats wildcard beats none)");
            }
        }
        if (misses > TRACED_MISSES) {
            trace.ignored(TraceStep.Stage.HOST, (misses - TRACED_MISSES) + " more listeners", "their hostnames do not"
                    + " cover " + subject);
        }
    }

    private ServedCertificate certificate(GatewayListener listener, ProbeRequest request, Trace trace) {
        var ref = listener.servedCertificate().orElseThrow();
        var cert = ref.state().flatMap(SecretState::servedCertificate);
        HostCoverage coverage = cert.map(c -> HostnameMatcher.coverage(c, request.host())).orElse(HostCoverage.SAN);
        trace.chosen(TraceStep.Stage.TLS, "Secret " + ref.secret().path(), "the certificate of listener "
                + listener.name() + " (tls.certificateRefs): " + ref.reason());
        listener.certificates().stream().filter(c -> !c.usable()).forEach(c -> trace.ignored(TraceStep.Stage.TLS,
                "Secret " + c.secret().path(), c.reason()));
        if (cert.isPresent() && coverage != HostCoverage.SAN) {
            trace.note(TraceStep.Stage.TLS, "host " + request.host(), "the certificate does not cover " + request.host()
                    + " (it covers " + String.join(", ", HostnameMatcher.coveredNames(cert.get())) + ")");
        }
        return new ServedCertificate.FromSecret(ref.secret(), listener.gateway(), cert, coverage, request.host());
    }

    private Explanation passthrough(ProbeRequest request, GatewayListener listener, Trace trace) {
        String sni = request.sni().orElse("");
        Optional<TlsRouteTarget> target = gateways.tlsRoutes(listener.key()).stream()
                .filter(t -> request.sni().map(s -> t.hostname().matches(s)).orElse(t.hostname().kind()
                        == HostPattern.Kind.ANY)).findFirst();
        if (target.isEmpty()) {
            trace.chosen(TraceStep.Stage.HOST, "no TLSRoute", "no TLSRoute attached to listener " + listener.name()
                    + " has a hostname covering " + (sni.isEmpty() ? "a connection without SNI" : sni));
            return answer(request, Decision.of(Outcome.NOT_FOUND, "No TLSRoute of listener " + listener.name()
                    + " takes SNI " + sni + "; the Gateway closes the connection"), Optional.empty(), trace, listener,
                    GatewayDecision.Outcome.none());
        }
        TlsRouteTarget t = target.get();
        Optional<GatewayBackend> backend = t.backends().stream().filter(GatewayBackend::valid)
                .filter(b -> b.ref().weight() > 0).findFirst();
        trace.chosen(TraceStep.Stage.HOST, t.route().toString(), "attached to listener " + listener.name()
                + " with hostname " + t.hostname().display() + "; TLS is passed through (mode Passthrough)");
        if (backend.isEmpty()) {
            return answer(request, Decision.of(Outcome.NOT_FOUND, t.route() + " has no valid backend; the Gateway"
                    + " closes the connection"), Optional.empty(), trace, listener, GatewayDecision.Outcome.none());
        }
        ResolvedBackend resolved = model.backends().resolve(backend.get().ref());
        ObjectRef service = ObjectRef.service(backend.get().ref().namespace(), backend.get().ref().name());
        Decision decision = new Decision(Outcome.PASSTHROUGH, 0, "TLS passed through to " + resolved.display()
                + " by " + t.route(), Optional.empty(), Optional.empty());
        Leg front = LegAssessor.front(request, Optional.of(new ServedCertificate.Passthrough(service)), false,
                Outcome.PASSTHROUGH);
        Leg toService = LegAssessor.backend(Optional.of(Upstream.PLAIN_HTTP), Optional.of(resolved), Outcome.PASSTHROUGH);
        GatewayFacts facts = new GatewayFacts(listener.gateway(), listener.name(), Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), GatewayDecision.shares(t.backends()));
        return new Explanation(request, decision, Optional.empty(), Optional.of(resolved),
                Optional.of(new ServedCertificate.Passthrough(service)), List.of(front, toService,
                LegAssessor.endpoints(toService, Optional.of(resolved))), trace.steps(), Carriage.NONE,
                Optional.of(facts));
    }

    private static Explanation answer(ProbeRequest request, Decision decision, Optional<ServedCertificate> certificate,
                                      Trace trace, GatewayListener listener, GatewayDecision.Outcome decided) {
        return answer(request, decision, certificate, trace, listener, decided, false);
    }

    private static Explanation answer(ProbeRequest request, Decision decision, Optional<ServedCertificate> certificate,
                                      Trace trace, GatewayListener listener, GatewayDecision.Outcome decided,
                                      boolean mutual) {
        boolean refused = decision.outcome() == Outcome.CLIENT_CERT_REQUIRED
                || decision.outcome() == Outcome.CLIENT_CERT_REJECTED;
        Leg front = request.https() && certificate.isEmpty()
                ? new Leg(Leg.Kind.CLIENT_TO_CONTROLLER, Leg.Protection.NONE, LegAssessor.label(Leg.Protection.NONE),
                "No listener completes the TLS handshake")
                : refused ? new Leg(Leg.Kind.CLIENT_TO_CONTROLLER, Leg.Protection.NONE,
                LegAssessor.label(Leg.Protection.NONE), "The TLS handshake fails: no valid client certificate")
                : LegAssessor.front(request, certificate, mutual, decision.outcome());
        Leg toService = decided.toService();
        Leg toPods = LegAssessor.endpoints(toService, decided.backend());
        List<RouteFilter> filters = decided.rule().map(r -> r.rule().filters()).orElse(List.of());
        GatewayFacts facts = new GatewayFacts(listener.gateway(), listener.name(),
                decided.rule().map(r -> r.route()), decided.rule().map(r -> OptionalInt.of(r.ruleIndex()))
                .orElse(OptionalInt.empty()), decided.upstreamPath(), decided.upstreamHost(), decided.backends(),
                filters.stream().filter(RouteFilter.HeaderChange.class::isInstance).map(RouteFilter.HeaderChange.class::cast)
                        .toList(), filters.stream().anyMatch(f -> f instanceof RouteFilter.UrlRewrite u
                        && u.path().isPresent()), listener.port());
        return new Explanation(request, decision, decided.match(), decided.backend(), certificate,
                List.of(front, toService, toPods), trace.steps(), new Carriage(decided.upstream()
                .orElse(Upstream.PLAIN_HTTP), Optional.empty()), Optional.of(facts));
    }
}
