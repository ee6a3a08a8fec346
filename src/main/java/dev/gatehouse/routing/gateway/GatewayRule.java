package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.RouteRule;
import java.util.List;
import java.util.Optional;

/**
 * One match of one HTTPRoute rule on one listener, for one hostname the route and the listener share: the unit
 * of the spec's precedence. A rule with two matches and two hostnames gives four entries.
 *
 * @param hostname  the hostname both the listener and the route accept (ANY: every host)
 * @param rule      the neutral rule: {@code source()} = route, rule index, match index; its match, filters,
 *                  weighted backends, the first backend's upstream, {@code NoValidBackend.INTERNAL_ERROR}
 * @param route     the HTTPRoute
 * @param created   the route's creationTimestamp as written ("" = unknown, ordered last)
 * @param ruleName  {@code rules[].name}, if given
 * @param backends  the backendRefs, checked (same order as {@code rule.backends()})
 */
public record GatewayRule(HostPattern hostname, RouteRule rule, ObjectRef route, String created,
                          Optional<String> ruleName, List<GatewayBackend> backends) {

    public GatewayRule {
        backends = List.copyOf(backends);
    }

    /** 0-based index of the rule in the route. */
    public int ruleIndex() {
        return rule.source().ruleIndex().orElse(0);
    }

    /** 0-based index of the match in the rule. */
    public int matchIndex() {
        return rule.source().pathIndex().orElse(0);
    }

    public RoutePath path() {
        return rule.path().orElseThrow();
    }

    /** {@code HTTPRoute shop/web rule 0 match 0}. */
    public String display() {
        return route + " rule " + ruleIndex() + (rule.match().isPresent() ? " match " + matchIndex() : "");
    }
}
