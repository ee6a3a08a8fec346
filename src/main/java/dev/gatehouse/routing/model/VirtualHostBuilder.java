package dev.gatehouse.routing.model;

import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.ClientCertificatePolicy;
import dev.gatehouse.routing.route.NoValidBackend;
import dev.gatehouse.routing.route.RedirectDecision;
import dev.gatehouse.routing.route.RouteConditions;
import dev.gatehouse.routing.route.RouteFilter;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.RuleSource;
import dev.gatehouse.routing.route.ShadowedRule;
import dev.gatehouse.routing.route.TraceNote;
import dev.gatehouse.routing.route.Upstream;
import dev.gatehouse.routing.route.VirtualHost;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Ingress + ingress-nginx front-end of the route model: turns one merged {@link Server} into a
 * controller-neutral {@link VirtualHost}, with the policies ingress-nginx applies already decided (regex
 * paths, {@code rewrite-target}, {@code ssl-redirect} / {@code force-ssl-redirect}, the upstream).
 */
final class VirtualHostBuilder {

    /** The 308 ingress-nginx answers plain HTTP with when it redirects to HTTPS. */
    private static final int REDIRECT_STATUS = 308;

    private final UpstreamPolicy upstreams;

    VirtualHostBuilder(UpstreamPolicy upstreams) {
        this.upstreams = upstreams;
    }

    VirtualHost build(Server server) {
        List<RouteRule> rules = new ArrayList<>();
        for (PathRule rule : server.paths()) {
            rules.add(rule(server, rule));
        }
        Optional<RouteRule> fallback = server.fallback().map(f -> fallback(server, f));
        RedirectDecision unmatched = server.catchAll()
                ? RedirectDecision.none("requests no host rule matches are not redirected")
                : redirect(server, server.fallbackNginx(), server.createdBy().map(Object::toString).orElse("the Ingress"));
        Optional<TraceNote> regexBy = server.regexBy().map(by -> new TraceNote("regex paths", "use-regex or"
                + " rewrite-target on " + by + " makes every path of this host a case-insensitive regular expression"
                + " matched at the start; the longest is tried first and the first match wins"));
        List<TraceNote> shadowed = server.conflicts().stream().map(c -> new TraceNote(
                c.loser().display() + " in " + c.loser().ingress(), "the same host and path are already defined by "
                + c.winner().ingress() + ", which comes first (" + IngressOrder.why(c.winner().source(),
                c.loser().source()) + ")")).toList();
        List<ShadowedRule> shadowedRules = new ArrayList<>();
        for (int i = 0; i < shadowed.size(); i++) {
            PathRule winner = server.conflicts().get(i).winner();
            shadowedRules.add(new ShadowedRule(rule(server, server.conflicts().get(i).loser()),
                    RuleSource.at(winner.ingress(), winner.ruleIndex(), winner.pathIndex()), shadowed.get(i)));
        }
        Optional<ClientCertificatePolicy> clientCertificate = HostTlsFacts.clientCertificate(server);
        return new VirtualHost(server.pattern(), rules, fallback, regexBy, shadowed, unmatched, clientCertificate,
                server.contributors(), HostTlsFacts.tls(server), HostTlsFacts.passthrough(server, rules, fallback),
                shadowedRules);
    }

    private RouteRule rule(Server server, PathRule rule) {
        RoutePath path = new RoutePath(server.regex() ? RoutePath.Type.REGEX : type(rule.kind()), rule.path(),
                !server.regex(), rule.kind().label());
        List<RouteFilter> filters = new ArrayList<>();
        RedirectDecision redirect = redirect(server, rule.annotations(), rule.ingress().toString());
        redirect.redirect().ifPresent(filters::add);
        if (server.regex()) {
            rule.annotations().rewriteTarget().map(RouteFilter.Rewrite::new).ifPresent(filters::add);
        }
        List<BackendRef> backends = backends(rule.ingress().namespace(), rule.backend());
        return new RouteRule(RuleSource.at(rule.ingress(), rule.ruleIndex(), rule.pathIndex()),
                Optional.of(RouteConditions.path(path)), filters, backends, upstream(rule.annotations(), backends),
                NoValidBackend.SERVICE_UNAVAILABLE, redirect.note());
    }

    private RouteRule fallback(Server server, DefaultBackendRef fallback) {
        NginxAnnotations nginx = server.catchAll() ? fallback.annotations() : server.fallbackNginx();
        RedirectDecision redirect = redirect(server, nginx, fallback.ingress().toString());
        List<BackendRef> backends = backends(fallback.ingress().namespace(), fallback.backend());
        return new RouteRule(RuleSource.whole(fallback.ingress()), Optional.empty(),
                redirect.redirect().<List<RouteFilter>>map(List::of).orElse(List.of()), backends,
                upstream(nginx, backends), NoValidBackend.SERVICE_UNAVAILABLE, redirect.note());
    }

    private Optional<Upstream> upstream(NginxAnnotations nginx, List<BackendRef> backends) {
        return backends.stream().findFirst().map(b -> upstreams.decide(nginx, b.service()));
    }

    /** ingress-nginx's redirect of plain HTTP for a location with {@code nginx}, owned by {@code owner}. */
    private static RedirectDecision redirect(Server server, NginxAnnotations nginx, String owner) {
        if (nginx.forceSslRedirect()) {
            return RedirectDecision.to(RouteFilter.Redirect.toHttps(REDIRECT_STATUS,
                    "force-ssl-redirect is on for " + owner, "force-ssl-redirect on " + owner));
        }
        if (!server.hasTls()) {
            return RedirectDecision.none("no tls section applies to " + server.pattern().display()
                    + ", so plain HTTP is served");
        }
        if (nginx.sslRedirect().orElse(true)) {
            return RedirectDecision.to(RouteFilter.Redirect.toHttps(REDIRECT_STATUS, "the host has TLS (tls section of "
                    + server.tls().get().ingress() + ") and ssl-redirect is "
                    + (nginx.sslRedirect().isPresent() ? "on" : "on by default"),
                    "the host has TLS and ssl-redirect is on"));
        }
        return RedirectDecision.none("ssl-redirect is \"false\" on " + owner
                + ", so plain HTTP is served although the host has TLS");
    }

    private static RoutePath.Type type(PathKind kind) {
        return switch (kind) {
            case EXACT -> RoutePath.Type.EXACT;
            case PREFIX -> RoutePath.Type.PREFIX;
            case IMPLEMENTATION_SPECIFIC, MISSING -> RoutePath.Type.STRING_PREFIX;
            case UNKNOWN -> RoutePath.Type.NEVER;
        };
    }

    /** An Ingress backend as a route backend of weight 1 (none when the path names no backend). */
    static List<BackendRef> backends(String namespace, IngressBackend backend) {
        if (backend == null) {
            return List.of();
        }
        var service = backend.getService();
        if (service == null) {
            return List.of(new BackendRef(BackendRef.Kind.UNSUPPORTED, namespace, "", "", Optional.empty(), 1));
        }
        Integer number = service.getPort() == null ? null : service.getPort().getNumber();
        String portName = service.getPort() == null ? null : service.getPort().getName();
        String label = number != null ? String.valueOf(number) : portName != null ? portName : "";
        return List.of(new BackendRef(BackendRef.Kind.SERVICE, namespace, service.getName() == null ? ""
                : service.getName(), label, Optional.ofNullable(number), 1));
    }
}
