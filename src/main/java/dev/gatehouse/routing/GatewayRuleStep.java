package dev.gatehouse.routing;

import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayRule;
import dev.gatehouse.routing.gateway.ParentStatus;
import dev.gatehouse.routing.gateway.RequestMatcher;
import dev.gatehouse.routing.gateway.RouteState;
import dev.gatehouse.routing.gateway.RulePrecedence;
import dev.gatehouse.routing.route.HostPattern;
import java.util.List;
import java.util.Optional;

/**
 * The route step of a Gateway answer: which HTTPRoutes are attached to the listener (or not, and why), and
 * which rule wins by the spec's precedence, with the rules that lost and why.
 */
final class GatewayRuleStep {

    /** At most this many losing rules are named in the trace. */
    private static final int LOSERS_SHOWN = 8;

    /** The winning rule (if any). */
    record Selected(Optional<GatewayRule> rule) {
    }

    private final GatewayHostIndex index;

    GatewayRuleStep(GatewayHostIndex index) {
        this.index = index;
    }

    Selected select(GatewayListener listener, ProbeRequest request, Trace trace) {
        traceAttachment(listener, request.host(), trace);
        List<GatewayRule> rules = index.rules(listener.key(), request.host());
        Optional<GatewayRule> winner = Optional.empty();
        int shown = 0;
        for (GatewayRule rule : rules) {
            if (!rule.hostname().matches(request.host())) {
                continue;
            }
            Optional<String> mismatch = RequestMatcher.mismatch(rule.rule().match().orElseThrow(), request.method(),
                    request.path(), request.query(), request.headers());
            if (winner.isEmpty()) {
                if (mismatch.isEmpty()) {
                    winner = Optional.of(rule);
                    trace.chosen(TraceStep.Stage.PATH, subject(rule), "matches " + request.method() + " "
                            + request.pathAndQuery() + describe(rule) + "; no rule before it in the spec's precedence"
                            + " matches");
                } else if (shown++ < LOSERS_SHOWN) {
                    trace.lost(TraceStep.Stage.PATH, subject(rule), mismatch.get());
                }
            } else if (mismatch.isEmpty() && shown++ < LOSERS_SHOWN) {
                trace.lost(TraceStep.Stage.PATH, subject(rule), "also matches, but " + subject(winner.get())
                        + " goes first: " + RulePrecedence.why(winner.get(), rule));
            }
        }
        if (winner.isEmpty()) {
            trace.chosen(TraceStep.Stage.PATH, "404", "no rule of an HTTPRoute attached to listener " + listener.name()
                    + " matches " + request.host() + request.path() + ", so the Gateway answers 404");
        }
        return new Selected(winner);
    }

    private void traceAttachment(GatewayListener listener, String host, Trace trace) {
        for (RouteState route : index.routes(host)) {
            if (!route.ref().kind().equals("HTTPRoute") || !relevant(route, host)) {
                continue;
            }
            for (ParentStatus parent : route.parents()) {
                boolean toThisGateway = parent.parent().equals(listener.key().owner())
                        || parent.parent().equals(listener.gateway());
                if (!toThisGateway) {
                    continue;
                }
                if (parent.attachedTo().contains(listener.key())) {
                    trace.note(TraceStep.Stage.HOST, route.ref().toString(), "attached to listener " + listener.name()
                            + " (parentRef " + parent.display() + ")");
                } else if (!parent.accepted().status()) {
                    trace.ignored(TraceStep.Stage.HOST, route.ref().toString(), "not attached: "
                            + parent.accepted().message() + " (" + parent.accepted().reason() + ")");
                } else {
                    trace.ignored(TraceStep.Stage.HOST, route.ref().toString(), "attached to listener"
                            + (parent.attachedTo().size() == 1 ? " " : "s ") + String.join(", ", parent.attachedTo()
                            .stream().map(k -> k.name()).toList()) + ", not to " + listener.name());
                }
            }
        }
    }

    private static boolean relevant(RouteState route, String host) {
        return route.hostnames().isEmpty() || route.hostnames().stream().anyMatch(h -> h.matches(host));
    }

    static String subject(GatewayRule rule) {
        return rule.route() + " rule " + rule.ruleIndex() + rule.ruleName().map(n -> " (" + n + ")").orElse("")
                + " match " + rule.matchIndex();
    }

    private static String describe(GatewayRule rule) {
        var c = rule.rule().match().orElseThrow();
        StringBuilder out = new StringBuilder(" (path ").append(c.path().display());
        c.method().ifPresent(m -> out.append(", method ").append(m));
        c.headers().forEach(h -> out.append(", header ").append(h.name()).append(h.regex() ? " ~ " : " = ")
                .append(h.value()));
        c.query().forEach(q -> out.append(", query ").append(q.name()).append(q.regex() ? " ~ " : " = ")
                .append(q.value()));
        out.append(", hostname ").append(rule.hostname().kind() == HostPattern.Kind.ANY ? "any"
                : rule.hostname().display()).append(")");
        return out.toString();
    }
}
