package dev.gatehouse.proxy.server;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.GatewayFacts;
import dev.gatehouse.routing.route.RouteFilter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/**
 * The HTTPRoute filters the engine's answer carries, applied to the request the backend receives and to the
 * response the client gets: URLRewrite (path and Host), RequestHeaderModifier and ResponseHeaderModifier (set,
 * then add — appended to an existing value with a comma, as the conformance tests expect — then remove).
 */
final class GatewayFilters {

    private GatewayFilters() {
    }

    /**
     * The path and query the backend receives: the rewritten one (normalised and escaped as for an Ingress rewrite)
     * when a URLRewrite changes the path, else the target as the client sent it; the Ingress rule's as before.
     */
    static String upstreamUri(Explanation explanation, String requestTarget) {
        Optional<GatewayFacts> gateway = explanation.gateway();
        if (gateway.isPresent()) {
            return gateway.get().pathRewritten() ? gateway.get().upstreamPath().map(RequestPath::escapeRewritten)
                    .orElse(requestTarget) : requestTarget;
        }
        return explanation.decision().upstreamPath().map(RequestPath::escapeRewritten).orElse(requestTarget);
    }

    /** The Host a URLRewrite gives the backend, and the request header changes of the rule. */
    static void request(HttpHeaders headers, Explanation explanation) {
        Optional<GatewayFacts> gateway = explanation.gateway();
        if (gateway.isEmpty()) {
            return;
        }
        GatewayFacts facts = gateway.get();
        facts.upstreamHost().filter(h -> !h.equals(explanation.request().host()))
                .ifPresent(h -> headers.set(HttpHeaderNames.HOST, h));
        apply(headers, facts.headerChanges(), RouteFilter.Direction.REQUEST);
    }

    /** The response header changes of the rule. */
    static void response(HttpHeaders headers, Explanation explanation) {
        explanation.gateway().ifPresent(f -> apply(headers, f.headerChanges(), RouteFilter.Direction.RESPONSE));
    }

    private static void apply(HttpHeaders headers, List<RouteFilter.HeaderChange> changes, RouteFilter.Direction which) {
        for (RouteFilter.HeaderChange change : changes) {
            if (change.direction() != which) {
                continue;
            }
            change.set().forEach(headers::set);
            change.add().forEach((name, value) -> {
                List<String> existing = headers.getAll(name);
                if (existing.isEmpty()) {
                    headers.add(name, value);
                } else {
                    headers.set(name, String.join(",", existing) + "," + value);
                }
            });
            change.remove().forEach(headers::remove);
        }
    }
}
