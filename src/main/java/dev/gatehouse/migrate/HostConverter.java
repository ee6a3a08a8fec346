package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.PathModifier;
import dev.gatehouse.routing.route.RouteFilter;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.ShadowedRule;
import dev.gatehouse.routing.route.VirtualHost;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One host as ingress-nginx serves it (the engine's merged {@link VirtualHost}) → its listeners and, per Ingress
 * that contributes rules, an HTTPRoute on the HTTPS listener and one on the HTTP listener (the HTTPS-only
 * pieces — HSTS — stay off plain HTTP; {@code ssl-redirect} becomes the HTTP route's 308), or a TLSRoute for an
 * {@code ssl-passthrough} host.
 */
final class HostConverter {

    private final PlanBuilder plan;
    private final ListenerPlanner listeners;
    private final RuleConverter rules;
    private final AnnotationReader annotations;
    private final Set<ObjectRef> selected;
    private final boolean hsts;
    private final boolean passthroughEnabled;

    HostConverter(PlanBuilder plan, ListenerPlanner listeners, RuleConverter rules, AnnotationReader annotations,
                  Set<ObjectRef> selected, boolean hsts, boolean passthroughEnabled) {
        this.plan = plan;
        this.listeners = listeners;
        this.rules = rules;
        this.annotations = annotations;
        this.selected = selected;
        this.hsts = hsts;
        this.passthroughEnabled = passthroughEnabled;
    }

    void convert(VirtualHost host) {
        Map<ObjectRef, List<RouteRule>> byIngress = new LinkedHashMap<>();
        for (RouteRule r : host.rules()) {
            if (selected.contains(r.source().object())) {
                byIngress.computeIfAbsent(r.source().object(), k -> new ArrayList<>()).add(r);
            }
        }
        host.fallback().filter(f -> selected.contains(f.source().object()))
                .ifPresent(f -> byIngress.computeIfAbsent(f.source().object(), k -> new ArrayList<>()).add(f));
        for (ShadowedRule s : host.shadowedRules()) {
            if (selected.contains(s.rule().source().object())) {
                plan.note(ConversionNote.notNeeded(s.rule().source().object(), "path " + s.rule().path()
                        .map(p -> p.value()).orElse("") + " of " + host.pattern().display(), "", "ingress-nginx never"
                        + " uses it: " + s.note().reason() + "; the HTTPRoute leaves it out so the Gateway agrees"));
            }
        }
        if (byIngress.isEmpty()) {
            return;
        }
        String http = listeners.http();
        Optional<String> https = Optional.empty();
        boolean passthrough = host.passthrough().isPresent() && passthroughEnabled
                && selected.contains(host.passthrough().get().requestedBy());
        if (passthrough) {
            tlsRoute(host);
        } else {
            https = listeners.https(host);
        }
        boolean first = true;
        for (Map.Entry<ObjectRef, List<RouteRule>> e : byIngress.entrySet()) {
            boolean catchAll = first && host.unmatchedRedirect().redirect().isPresent();
            first = false;
            String base = e.getKey().name() + "-" + (host.pattern().kind() == HostPattern.Kind.ANY ? "any-host"
                    : ListenerPlanner.slug(host.pattern().host()));
            if (https.isPresent()) {
                route(host, e.getKey(), base, https.get(), e.getValue(), RuleConverter.Mode.HTTPS, false);
            }
            route(host, e.getKey(), https.isPresent() ? base + "-http" : base, http, e.getValue(),
                    RuleConverter.Mode.HTTP, catchAll);
        }
    }

    private void route(VirtualHost host, ObjectRef ingress, String name, String listener, List<RouteRule> from,
                       RuleConverter.Mode mode, boolean catchAllRedirect) {
        HTTPRoute route = new HTTPRoute();
        route.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withNamespace(ingress.namespace())
                .withName(name).build());
        route.setSpec(new io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteSpec());
        route.getSpec().setParentRefs(new ArrayList<>(List.of(parent(ingress.namespace(), listener))));
        if (host.pattern().kind() != HostPattern.Kind.ANY) {
            route.getSpec().setHostnames(new ArrayList<>(List.of(host.pattern().host())));
        }
        List<HTTPRouteRule> out = new ArrayList<>();
        plan.comment(route, "from Ingress " + ingress.path() + ", host " + host.pattern().display() + ", on listener "
                + listener + (mode == RuleConverter.Mode.HTTPS ? " (HTTPS)" : " (plain HTTP)"));
        boolean redirectsAll = mode == RuleConverter.Mode.HTTP && from.stream().allMatch(r -> r.filters().stream()
                .anyMatch(f -> f instanceof RouteFilter.Redirect d && d.plainHttpOnly()));
        Optional<String> appRoot = annotations.appRoot(ingress);
        if (appRoot.isPresent() && !redirectsAll) {
            out.add(appRootRule(appRoot.get()));
            plan.comment(route, "rules[0] ← app-root " + appRoot.get() + " of Ingress " + ingress.path()
                    + " → 302 from / to " + appRoot.get());
        }
        boolean tls = host.tls().enabled();
        for (RouteRule r : from) {
            Optional<RuleConverter.Converted> c = rules.convert(r, mode, hsts && tls);
            if (c.isPresent()) {
                plan.comment(route, "rules[" + out.size() + "] ← " + c.get().comment());
                out.add(c.get().rule());
            }
        }
        if (catchAllRedirect) {
            RouteFilter.Redirect r = host.unmatchedRedirect().redirect().get();
            out.add(redirectRule("PathPrefix", "/", new RouteFilter.RequestRedirect(Optional.of("https"),
                    Optional.empty(), OptionalInt.empty(), Optional.empty(), r.status())));
            plan.comment(route, "rules[" + (out.size() - 1) + "] ← every other path of " + host.pattern().display()
                    + " → " + r.status() + " to https (ingress-nginx redirects plain HTTP of a TLS host before"
                    + " looking at paths: " + r.summary() + ")");
        }
        route.getSpec().setRules(out);
        if (!out.isEmpty()) {
            plan.add(route);
        }
    }

    private static HTTPRouteRule appRootRule(String appRoot) {
        return redirectRule("Exact", "/", new RouteFilter.RequestRedirect(Optional.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.of(new PathModifier(PathModifier.Type.FULL_PATH, appRoot)), 302));
    }

    private static HTTPRouteRule redirectRule(String type, String value, RouteFilter.RequestRedirect redirect) {
        HTTPRouteRule rule = new HTTPRouteRule();
        HTTPPathMatch path = new HTTPPathMatch();
        path.setType(type);
        path.setValue(value);
        HTTPRouteMatch match = new HTTPRouteMatch();
        match.setPath(path);
        rule.setMatches(new ArrayList<>(List.of(match)));
        HTTPRouteFilter f = new HTTPRouteFilter();
        f.setType("RequestRedirect");
        f.setRequestRedirect(RuleConverter.redirect(redirect));
        rule.setFilters(new ArrayList<>(List.of(f)));
        return rule;
    }

    private void tlsRoute(VirtualHost host) {
        var p = host.passthrough().get();
        String listener = listeners.passthrough(host, p.requestedBy());
        Optional<BackendRef> backend = p.backend();
        TLSRouteBuilder b = new TLSRouteBuilder().withNewMetadata().withNamespace(p.requestedBy().namespace())
                .withName(p.requestedBy().name() + "-" + ListenerPlanner.slug(host.pattern().host())).endMetadata()
                .withNewSpec().withParentRefs(parent(p.requestedBy().namespace(), listener))
                .withHostnames(host.pattern().host()).addNewRule().endRule().endSpec();
        TLSRoute route = b.build();
        backend.ifPresent(be -> route.getSpec().getRules().get(0).setBackendRefs(new ArrayList<>(List.of(
                new BackendRefBuilder().withName(be.name()).withPort(be.portNumber().orElse(443)).build()))));
        plan.add(route);
        plan.comment(route, "from Ingress " + p.requestedBy().path() + " (ssl-passthrough): TLS for "
                + host.pattern().host() + " goes to " + backend.map(be -> be.namespace() + "/" + be.name() + ":"
                + be.port()).orElse("no backend") + " undecrypted");
        plan.note(ConversionNote.converted(p.requestedBy(), AnnotationReader.PREFIX + "ssl-passthrough", "true",
                "TLSRoute " + p.requestedBy().namespace() + "/" + route.getMetadata().getName() + " on the Passthrough"
                + " listener " + listener));
    }

    private ParentReference parent(String routeNamespace, String listener) {
        ParentReference ref = new ParentReference();
        ref.setName(plan.gateway.getMetadata().getName());
        if (!routeNamespace.equals(plan.namespace())) {
            ref.setNamespace(plan.namespace());
        }
        ref.setSectionName(listener);
        return ref;
    }
}
