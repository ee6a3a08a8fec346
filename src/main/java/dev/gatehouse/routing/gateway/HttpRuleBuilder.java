package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.NoValidBackend;
import dev.gatehouse.routing.route.RouteConditions;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.RouteRule;
import dev.gatehouse.routing.route.RuleSource;
import dev.gatehouse.routing.route.ValueMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns the rules of an HTTPRoute into neutral {@link RouteRule}s, one per match, with filters and checked backends. */
final class HttpRuleBuilder {

    private final BackendChecker backends;

    HttpRuleBuilder(BackendChecker backends) {
        this.backends = backends;
    }

    /** The rules of a route, one entry per match, for the given (already intersected) hostname. */
    List<GatewayRule> rules(HTTPRoute route, HostPattern hostname) {
        ObjectRef ref = GatewayModelBuilder.ref("HTTPRoute", route);
        String created = route.getMetadata() == null || route.getMetadata().getCreationTimestamp() == null ? ""
                : route.getMetadata().getCreationTimestamp();
        List<HTTPRouteRule> rules = route.getSpec() == null || route.getSpec().getRules() == null ? List.of()
                : route.getSpec().getRules();
        List<GatewayRule> out = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            HTTPRouteRule rule = rules.get(r);
            List<GatewayBackend> checked = backends.check(ref.namespace(), "HTTPRoute", rule.getBackendRefs());
            var filters = HttpFilters.of(rule.getFilters(), ref.namespace());
            List<HTTPRouteMatch> matches = rule.getMatches() == null || rule.getMatches().isEmpty()
                    ? List.of(new HTTPRouteMatch()) : rule.getMatches();
            for (int m = 0; m < matches.size(); m++) {
                RouteConditions conditions = conditions(matches.get(m));
                RouteRule neutral = new RouteRule(RuleSource.at(ref, r, m), Optional.of(conditions), filters,
                        checked.stream().map(GatewayBackend::ref).toList(),
                        checked.stream().findFirst().map(GatewayBackend::upstream), NoValidBackend.INTERNAL_ERROR,
                        "Gateway API redirects only with a RequestRedirect filter");
                out.add(new GatewayRule(hostname, neutral, ref, created, Optional.ofNullable(rule.getName()), checked));
            }
        }
        return out;
    }

    /** The ResolvedRefs condition of a route: the first invalid backendRef in rule order, else True. */
    Condition resolvedRefs(HTTPRoute route) {
        ObjectRef ref = GatewayModelBuilder.ref("HTTPRoute", route);
        List<HTTPRouteRule> rules = route.getSpec() == null || route.getSpec().getRules() == null ? List.of()
                : route.getSpec().getRules();
        for (HTTPRouteRule rule : rules) {
            for (GatewayBackend b : backends.check(ref.namespace(), "HTTPRoute", rule.getBackendRefs())) {
                if (b.invalid().isPresent() && !b.invalid().get().reason().equals("InvalidCACertificateRef")) {
                    return Condition.isFalse(Condition.RESOLVED_REFS, b.invalid().get().reason(), b.invalid().get().message());
                }
            }
        }
        return Condition.isTrue(Condition.RESOLVED_REFS, "ResolvedRefs", "every backendRef resolved");
    }

    static RouteConditions conditions(HTTPRouteMatch match) {
        HTTPPathMatch path = match.getPath();
        String type = path == null || path.getType() == null ? "PathPrefix" : path.getType();
        String value = path == null || path.getValue() == null || path.getValue().isEmpty() ? "/" : path.getValue();
        RoutePath routePath = switch (type) {
            case "Exact" -> new RoutePath(RoutePath.Type.EXACT, value, true, "Exact");
            case "PathPrefix" -> new RoutePath(value.startsWith("/") ? RoutePath.Type.PREFIX : RoutePath.Type.NEVER,
                    value, true, "PathPrefix");
            case "RegularExpression" -> new RoutePath(RoutePath.Type.REGEX, value, true, "RegularExpression");
            default -> new RoutePath(RoutePath.Type.NEVER, value, true, type);
        };
        List<ValueMatch> headers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (HTTPHeaderMatch h : match.getHeaders() == null ? List.<HTTPHeaderMatch>of() : match.getHeaders()) {
            String name = h.getName() == null ? "" : h.getName().toLowerCase(Locale.ROOT);
            if (seen.add(name)) { // the spec: only the first match of a name counts
                headers.add(new ValueMatch(name, h.getValue() == null ? "" : h.getValue(),
                        "RegularExpression".equals(h.getType())));
            }
        }
        List<ValueMatch> query = new ArrayList<>();
        Set<String> seenQuery = new LinkedHashSet<>();
        for (HTTPQueryParamMatch q : match.getQueryParams() == null ? List.<HTTPQueryParamMatch>of()
                : match.getQueryParams()) {
            String name = q.getName() == null ? "" : q.getName();
            if (seenQuery.add(name)) {
                query.add(new ValueMatch(name, q.getValue() == null ? "" : q.getValue(),
                        "RegularExpression".equals(q.getType())));
            }
        }
        Optional<String> method = Optional.ofNullable(match.getMethod()).filter(s -> !s.isEmpty());
        return new RouteConditions(routePath, method, headers, query);
    }
}
