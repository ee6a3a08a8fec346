package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.gateway.GatewayBackend;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayRule;
import dev.gatehouse.routing.gateway.ListenerProtocol;
import dev.gatehouse.routing.gateway.ParentStatus;
import dev.gatehouse.routing.gateway.RouteState;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.RoutingModel;
import dev.gatehouse.routing.model.Server;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.RouteFilter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GH711–GH719: routes attached nowhere, invalid backendRefs, BackendTLSPolicy CAs, plain HTTP beside HTTPS
 * without a redirect, hosts on both an Ingress and a Gateway, filters shown but not applied.
 */
final class GatewayRouteChecks {

    void run(RoutingModel model, GatewayModel gateways, Findings findings) {
        for (RouteState route : gateways.routes()) {
            if (!route.attached()) {
                notAttached(route, findings);
            }
        }
        Set<String> seen = new HashSet<>();
        Map<String, ObjectRef> gatewayHosts = new LinkedHashMap<>();
        for (GatewayListener listener : gateways.listeners()) {
            for (GatewayRule rule : gateways.rules(listener.key())) {
                String at = rule.route() + "#" + rule.ruleIndex();
                if (seen.add(at)) {
                    backends(rule, findings);
                    filters(rule, findings);
                }
                if (rule.hostname().kind() == HostPattern.Kind.EXACT && listener.programmed()) {
                    gatewayHosts.putIfAbsent(rule.hostname().host(), rule.route());
                }
            }
        }
        plainHttp(gateways, findings);
        gatewayHosts.forEach((host, route) -> {
            Server server = model.servers().byHost().get(host);
            if (server != null && !server.contributors().isEmpty()) {
                findings.add(DiagnosticCode.GH718, route, "The host " + host + " is served by " + route + " and by "
                        + String.join(", ", server.contributors().stream().map(ObjectRef::toString).toList())
                        + "; which one answers depends on which address DNS points at",
                        "Serve each host from one place: finish the migration and delete the Ingress rule (or the route)");
            }
        });
    }

    private static void notAttached(RouteState route, Findings findings) {
        if (route.parents().isEmpty()) {
            findings.add(DiagnosticCode.GH711, route.ref(), route.ref() + " names no parentRefs, so no Gateway serves it",
                    "Add spec.parentRefs naming the Gateway (and listener sectionName) that should serve it");
            return;
        }
        List<String> why = route.parents().stream().map(p -> p.display() + ": " + p.accepted().message() + " ("
                + p.accepted().reason() + ")").toList();
        ParentStatus first = route.parents().get(0);
        String hint = switch (first.accepted().reason()) {
            case "NoMatchingListenerHostname" -> "Make spec.hostnames intersect the listener hostname (a wildcard"
                    + " *.example.com covers a.example.com and a.b.example.com, never example.com)";
            case "NotAllowedByListeners" -> "Allow the route's namespace in the listener's allowedRoutes (from: All or"
                    + " Selector) or move the route into the Gateway's namespace";
            default -> "Fix parentRefs: the Gateway's name and namespace, the listener's sectionName and port";
        };
        findings.add(DiagnosticCode.GH711, route.ref(), route.ref() + " is attached to no listener: "
                + String.join("; ", why), hint);
    }

    private static void backends(GatewayRule rule, Findings findings) {
        for (GatewayBackend b : rule.backends()) {
            if (b.invalid().isEmpty()) {
                continue;
            }
            String message = rule.display() + ": " + b.invalid().get().message() + "; requests for its share get 500";
            switch (b.invalid().get().reason()) {
                case "InvalidKind" -> findings.add(DiagnosticCode.GH715, rule.route(), message,
                        "Point backendRefs at a core Service (group \"\", kind Service)");
                case "RefNotPermitted" -> findings.add(DiagnosticCode.GH713, rule.route(), message,
                        "Create a ReferenceGrant in " + b.ref().namespace() + " from HTTPRoutes of "
                                + rule.route().namespace() + " to Services");
                case "InvalidCACertificateRef" -> findings.add(DiagnosticCode.GH716, b.policy().orElse(rule.route()),
                        b.invalid().get().message(), "Create the ConfigMap (or Secret) with the backend's CA in key"
                                + " ca.crt, or fix validation.caCertificateRefs");
                default -> {
                    boolean port = b.invalid().get().message().contains("port");
                    findings.add(port ? DiagnosticCode.GH714 : DiagnosticCode.GH712, rule.route(), message, port
                            ? "Use a port the Service exposes (kubectl get service " + b.ref().name() + " -n "
                            + b.ref().namespace() + ")" : "Create the Service " + b.ref().namespace() + "/"
                            + b.ref().name() + " or fix the backendRef's name and namespace");
                }
            }
        }
    }

    private static void filters(GatewayRule rule, Findings findings) {
        for (RouteFilter f : rule.rule().filters()) {
            if (f instanceof RouteFilter.Unapplied u) {
                findings.add(DiagnosticCode.GH719, rule.route(), rule.display() + ": " + u.type() + " " + u.summary()
                        + "; Gatehouse shows it but its explanations and proxy do not apply it",
                        "Nothing to fix; check this filter's effect on the real controller");
            }
        }
    }

    /** Hosts an HTTPS listener serves that a plain-HTTP listener of the same Gateway serves without a redirect. */
    private static void plainHttp(GatewayModel gateways, Findings findings) {
        for (var gateway : gateways.gateways()) {
            Set<String> httpsHosts = new HashSet<>();
            for (GatewayListener l : gateway.listeners()) {
                if (l.programmed() && l.protocol().map(p -> p == ListenerProtocol.HTTPS).orElse(false)) {
                    gateways.rules(l.key()).stream().map(GatewayRule::hostname)
                            .filter(h -> h.kind() == HostPattern.Kind.EXACT).forEach(h -> httpsHosts.add(h.host()));
                    if (l.hostname().kind() == HostPattern.Kind.EXACT) {
                        httpsHosts.add(l.hostname().host());
                    }
                }
            }
            Set<String> reported = new HashSet<>();
            for (GatewayListener l : gateway.listeners()) {
                if (!l.programmed() || l.protocol().map(p -> p != ListenerProtocol.HTTP).orElse(true)) {
                    continue;
                }
                for (GatewayRule rule : gateways.rules(l.key())) {
                    boolean redirects = rule.rule().filters().stream().anyMatch(f -> f instanceof RouteFilter.RequestRedirect r
                            && r.scheme().map("https"::equals).orElse(false));
                    if (redirects) {
                        continue;
                    }
                    for (String host : httpsHosts) {
                        if (rule.hostname().matches(host) && reported.add(host)) {
                            findings.add(DiagnosticCode.GH717, rule.route(), "Plain HTTP requests to " + host
                                    + " on listener " + l.name() + " of " + gateway.ref() + " are served by "
                                    + rule.display() + " without a redirect, although an HTTPS listener serves " + host,
                                    "Attach the plain-HTTP listener only to a route with a RequestRedirect filter"
                                            + " (scheme: https, statusCode: 301) for " + host);
                        }
                    }
                }
            }
        }
    }
}
