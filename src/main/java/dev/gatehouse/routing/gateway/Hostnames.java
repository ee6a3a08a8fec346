package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.route.HostPattern;
import java.util.Comparator;
import java.util.Optional;

/**
 * Gateway API hostnames: a {@code *.} wildcard covers one or more labels and never the apex. Listener and
 * route hostnames intersect as the spec says: either one is more specific and lies under the other.
 */
public final class Hostnames {

    private Hostnames() {
    }

    /** A listener or route hostname as written (empty / null = every host). */
    public static HostPattern parse(String raw) {
        return HostPattern.parse(raw).withSpan(HostPattern.WildcardSpan.ONE_OR_MORE_LABELS);
    }

    /**
     * The hostname both a listener and a route accept, when they intersect: the more specific of the two.
     * {@code *.example.com} ∩ {@code foo.example.com} = {@code foo.example.com}; {@code *.example.com} ∩
     * {@code *.foo.example.com} = {@code *.foo.example.com}; an empty listener hostname accepts the route's.
     */
    public static Optional<HostPattern> intersect(HostPattern listener, HostPattern route) {
        if (listener.kind() == HostPattern.Kind.ANY) {
            return Optional.of(route);
        }
        if (route.kind() == HostPattern.Kind.ANY) {
            return Optional.of(listener);
        }
        if (listener.kind() == HostPattern.Kind.EXACT && route.kind() == HostPattern.Kind.EXACT) {
            return listener.host().equals(route.host()) ? Optional.of(route) : Optional.empty();
        }
        if (listener.kind() == HostPattern.Kind.WILDCARD && route.kind() == HostPattern.Kind.EXACT) {
            return listener.matches(route.host()) ? Optional.of(route) : Optional.empty();
        }
        if (listener.kind() == HostPattern.Kind.EXACT) { // route wildcard
            return route.matches(listener.host()) ? Optional.of(listener) : Optional.empty();
        }
        // both wildcards: the one whose suffix lies under the other's
        String l = listener.host().substring(1);
        String r = route.host().substring(1);
        if (r.endsWith(l)) {
            return Optional.of(route);
        }
        return l.endsWith(r) ? Optional.of(listener) : Optional.empty();
    }

    /**
     * Most specific first: exact before wildcard before none; longer exact names, then longer wildcard
     * suffixes first. The listener choice and the HTTPRoute hostname precedence both follow it.
     */
    public static final Comparator<HostPattern> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((HostPattern h) -> switch (h.kind()) {
                case EXACT -> 0;
                case WILDCARD -> 1;
                case ANY -> 2;
            })
            .thenComparing(Comparator.comparingInt((HostPattern h) -> h.host().length()).reversed());

    /** How the pattern covers the host, for traces. */
    public static String how(HostPattern pattern, String host) {
        return switch (pattern.kind()) {
            case EXACT -> "exactly";
            case WILDCARD -> "under the wildcard " + pattern.host() + " (one or more labels)";
            case ANY -> "as a listener without hostname (every host)";
        };
    }
}
