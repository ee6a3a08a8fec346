package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.PathRule;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.Server;
import dev.gatehouse.routing.route.Carriage;
import dev.gatehouse.routing.route.Upstream;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code ssl-passthrough}: with {@code --enable-ssl-passthrough} the controller forwards TLS connections
 * whose SNI names the host straight to the backend of its "/" path, without terminating TLS.
 */
final class PassthroughCheck {

    private PassthroughCheck() {
    }

    static Optional<Explanation> explain(RoutingModel model, ProbeRequest request, Trace trace) {
        if (request.sni().isEmpty()) {
            return Optional.empty();
        }
        Optional<Server> found = model.servers().exact(request.sni().get());
        if (found.isEmpty() || found.get().passthroughBy().isEmpty()) {
            return Optional.empty();
        }
        Server server = found.get();
        ObjectRef by = server.passthroughBy().get();
        if (!model.profile().sslPassthroughEnabled()) {
            trace.ignored(TraceStep.Stage.TLS, "ssl-passthrough on " + by, "the controller runs without"
                    + " --enable-ssl-passthrough, so the annotation has no effect and TLS is terminated as usual");
            return Optional.empty();
        }
        Optional<PathRule> root = server.paths().stream().filter(p -> "/".equals(p.path())).findFirst();
        Optional<IngressBackend> backend = root.map(PathRule::backend)
                .or(() -> server.fallback().map(f -> f.backend()));
        String namespace = root.map(r -> r.ingress().namespace()).orElse(by.namespace());
        Optional<ResolvedBackend> resolved = backend.map(b -> model.backends().resolve(namespace, b));
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
        RouteMatch match = new RouteMatch(root.map(PathRule::ingress).orElse(by), server.pattern().display(),
                dev.gatehouse.routing.model.ServerTable.HostMatch.EXACT,
                root.map(r -> OptionalInt.of(r.ruleIndex())).orElse(OptionalInt.empty()),
                root.map(r -> OptionalInt.of(r.pathIndex())).orElse(OptionalInt.empty()),
                root.map(PathRule::path), root.map(r -> r.kind().label()), root.isEmpty(), false);
        Optional<ServedCertificate> cert = resolved.flatMap(ResolvedBackend::service)
                .map(ServedCertificate.Passthrough::new);
        Leg front = new Leg(Leg.Kind.CLIENT_TO_CONTROLLER, Leg.Protection.PASSTHROUGH,
                LegAssessor.label(Leg.Protection.PASSTHROUGH), "TLS goes through the controller untouched");
        Leg toService = LegAssessor.backend(Optional.empty(), resolved, Outcome.PASSTHROUGH);
        Leg toPods = LegAssessor.endpoints(toService, resolved);
        Carriage carriage = new Carriage(Upstream.PLAIN_HTTP,
                Carriage.hsts(request.https(), server.hasTls(), model.profile().hsts()));
        return Optional.of(new Explanation(request, decision, Optional.of(match), resolved, cert,
                List.of(front, toService, toPods), trace.steps(), carriage));
    }
}
