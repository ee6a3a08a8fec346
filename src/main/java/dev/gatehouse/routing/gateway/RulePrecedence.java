package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.route.RouteConditions;
import dev.gatehouse.routing.route.RoutePath;
import java.util.Comparator;

/**
 * The HTTPRoute matching precedence across every rule of every route attached to a listener, as the spec
 * orders it: the more specific hostname (exact before wildcard, longer first); an Exact path; the longest
 * PathPrefix; a method match; the most header matches; the most query matches; the oldest route; the route
 * first by {@code namespace/name}; the first rule, then the first match in it. RegularExpression paths are
 * implementation-specific: Gatehouse ranks them as Envoy Gateway does, after Exact and before PathPrefix
 * matches, longest pattern first.
 */
public final class RulePrecedence {

    private RulePrecedence() {
    }

    /** First = wins. */
    public static final Comparator<GatewayRule> ORDER = Comparator
            .comparing(GatewayRule::hostname, Hostnames.MOST_SPECIFIC_FIRST)
            .thenComparingInt(r -> pathRank(r.path()))
            .thenComparing(Comparator.comparingInt((GatewayRule r) -> r.path().matchLength()).reversed())
            .thenComparingInt(r -> conditions(r).method().isPresent() ? 0 : 1)
            .thenComparing(Comparator.comparingInt((GatewayRule r) -> conditions(r).headers().size()).reversed())
            .thenComparing(Comparator.comparingInt((GatewayRule r) -> conditions(r).query().size()).reversed())
            .thenComparing(r -> r.created().isEmpty() ? "~" : r.created())
            .thenComparing(r -> r.route().namespace() + "/" + r.route().name())
            .thenComparingInt(GatewayRule::ruleIndex)
            .thenComparingInt(GatewayRule::matchIndex);

    private static RouteConditions conditions(GatewayRule r) {
        return r.rule().match().orElseThrow();
    }

    private static int pathRank(RoutePath path) {
        return switch (path.type()) {
            case EXACT -> 0;
            case REGEX -> 1;
            case PREFIX, STRING_PREFIX -> 2;
            case NEVER -> 3;
        };
    }

    /**
     * Why {@code winner} goes before {@code loser}, in the spec's words: the first criterion that differs.
     */
    public static String why(GatewayRule winner, GatewayRule loser) {
        if (Hostnames.MOST_SPECIFIC_FIRST.compare(winner.hostname(), loser.hostname()) != 0) {
            return "its hostname " + winner.hostname().display() + " is more specific than " + loser.hostname().display();
        }
        RoutePath wp = winner.path();
        RoutePath lp = loser.path();
        if (pathRank(wp) != pathRank(lp)) {
            return wp.type() == RoutePath.Type.EXACT ? "an Exact path match goes before a " + lp.writtenAs() + " match"
                    : "a " + wp.writtenAs() + " match goes before a " + lp.writtenAs() + " match";
        }
        if (wp.matchLength() != lp.matchLength()) {
            return "the longer path " + wp.value() + " goes before " + lp.value();
        }
        RouteConditions w = conditions(winner);
        RouteConditions l = conditions(loser);
        if (w.method().isPresent() != l.method().isPresent()) {
            return "a match on the method goes before one without";
        }
        if (w.headers().size() != l.headers().size()) {
            return "more header matches (" + w.headers().size() + " against " + l.headers().size() + ")";
        }
        if (w.query().size() != l.query().size()) {
            return "more query parameter matches (" + w.query().size() + " against " + l.query().size() + ")";
        }
        if (!winner.route().equals(loser.route())) {
            if (!winner.created().equals(loser.created())) {
                return "the tie goes to the older route (" + winner.route().path() + " created "
                        + (winner.created().isEmpty() ? "?" : winner.created()) + ")";
            }
            return "the tie goes to the route first by namespace/name (" + winner.route().path() + ")";
        }
        return "the tie goes to the earlier rule of " + winner.route().path();
    }
}
