package dev.gatehouse.routing.route;

import java.util.List;
import java.util.Optional;

/**
 * One rule of a virtual host: when it applies, what it does, where it sends the request and how.
 *
 * @param source     where it came from
 * @param match      what the request must look like (empty for a host's fallback, which takes what no rule took)
 * @param filters    redirect, rewrite and header changes, in order
 * @param backends   weighted backends (empty: the rule names none)
 * @param upstream   how the controller speaks to the backends, as the front-end decided it
 * @param noBackend  the answer when the rule matched but none of its backends can take traffic
 * @param noRedirect why plain HTTP is not redirected here, when {@code filters} hold no redirect
 */
public record RouteRule(RuleSource source, Optional<RouteConditions> match, List<RouteFilter> filters,
                        List<BackendRef> backends, Optional<Upstream> upstream, NoValidBackend noBackend,
                        String noRedirect) {

    public RouteRule {
        filters = List.copyOf(filters);
        backends = List.copyOf(backends);
    }

    /** The rule's path match (present for every rule but a fallback). */
    public Optional<RoutePath> path() {
        return match.map(RouteConditions::path);
    }

    /** The first redirect filter, if any. */
    public Optional<RouteFilter.Redirect> redirect() {
        return filters.stream().filter(RouteFilter.Redirect.class::isInstance).map(RouteFilter.Redirect.class::cast)
                .findFirst();
    }

    /** Whether plain HTTP is redirected when this rule takes the request, and why (not). */
    public RedirectDecision redirectDecision() {
        return redirect().map(RedirectDecision::to).orElseGet(() -> RedirectDecision.none(noRedirect));
    }

    /** The first rewrite filter, if any. */
    public Optional<RouteFilter.Rewrite> rewrite() {
        return filters.stream().filter(RouteFilter.Rewrite.class::isInstance).map(RouteFilter.Rewrite.class::cast)
                .findFirst();
    }

    /** The first backend reference (the only one an Ingress rule has). */
    public Optional<BackendRef> firstBackend() {
        return backends.stream().findFirst();
    }
}
