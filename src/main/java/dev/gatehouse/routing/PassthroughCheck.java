package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.route.Carriage;
import dev.gatehouse.routing.route.HostMatch;
import dev.gatehouse.routing.route.Passthrough;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.routing.route.VirtualHost;
import java.util.List;
import java.util.Optional;

/**
 * {@code ssl-passthrough}: with {@code --enable-ssl-passthrough} the controller forwards TLS connections
 * whose SNI names the host straight to the backend of its "/" path, without terminating TLS. Reads the
 * host's neutral {@link Passthrough}.
 */
final class PassthroughCheck {

    private PassthroughCheck() {
    }

    static Optional<Explanation> explain(RoutingModel model, ProbeRequest request, Trace trace) {
        if (request.sni().isEmpty()) {
            return Optional.empty();
        }
        Optional<VirtualHost> found = model.routes().exact(request.sni().get());
        if (found.isEmpty() || found.get().passthrough().isEmpty()) {
            return Optional.empty();
        }
        VirtualHost host = found.get();
        Passthrough passthrough = host.passthrough().get();
        ObjectRef by = passthrough.requestedBy();
        if (!model.profile().sslPassthroughEnabled()) {
            trace.ignored(TraceStep.Stage.TLS, "ssl-passthrough on " + by, "the controller runs without"
                    + " --enable-ssl-passthrough, so the annotation has no effect and TLS is terminated as usual");
            return Optional.empty();
        }
        Optional<RouteRule> root = passthrough.root();
        Optional<ResolvedBackend> resolved = passthrough.backend().map(b -> model.backends().resolve(b));
        trace.chosen(TraceStep.Stage.TLS, "ssl-passthrough on " + by, "the SNI " + request.sni().get()
                + " names a passthrough host: TLS goes to the backend untouched; paths and HTTP annotations do not apply");
        Decision decision;
        if (resolved.isEmpty()) {
            decision = Decision.of(Outcome.NOT_FOUND, "The passthrough host has no \"/\" path; the connection"
                    + " goes to the default backend");
        } else if (!resolved.get().servesTraffic()) {
            decision = Decision.of(Outcome.SERVICE_UNAVAILABLE, "The passthrough backend cannot take the connection: "
                    + resolved.get().detail());
        } else {
            decision = Decision.of(Outcome.PASSTHROUGH, "TLS passed through to " + resolved.get().display()
                    + "; the backend answers");
        }
        Optional<RoutePath> path = root.flatMap(RouteRule::path);
        RouteMatch match = new RouteMatch(root.map(r -> r.source().object()).orElse(by), host.pattern().display(),
                HostMatch.EXACT, root.map(r -> r.source().ruleIndex()).orElse(java.util.OptionalInt.empty()),
                root.map(r -> r.source().pathIndex()).orElse(java.util.OptionalInt.empty()),
                path.map(RoutePath::value), path.map(RoutePath::writtenAs), root.isEmpty(), false);
        Optional<ServedCertificate> cert = resolved.flatMap(ResolvedBackend::service)
                .map(ServedCertificate.Passthrough::new);
        Leg front = new Leg(Leg.Kind.CLIENT_TO_CONTROLLER, Leg.Protection.PASSTHROUGH,
                LegAssessor.label(Leg.Protection.PASSTHROUGH), "TLS goes through the controller untouched");
        Leg toService = LegAssessor.backend(Optional.empty(), resolved, Outcome.PASSTHROUGH);
        Leg toPods = LegAssessor.endpoints(toService, resolved);
        Carriage carriage = new Carriage(Upstream.PLAIN_HTTP,
                Carriage.hsts(request.https(), host.tls().enabled(), model.profile().hsts()));
        return Optional.of(new Explanation(request, decision, Optional.of(match), resolved, cert,
                List.of(front, toService, toPods), trace.steps(), carriage));
    }
}
