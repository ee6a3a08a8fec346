package dev.gatehouse.routing.route;

import java.util.Optional;

/**
 * Whether plain HTTP is redirected where a request lands, and the trace sentence saying why (or why not).
 *
 * @param redirect the redirect, if any
 * @param note     why there is none (empty when there is a redirect)
 */
public record RedirectDecision(Optional<RouteFilter.Redirect> redirect, String note) {

    public static RedirectDecision to(RouteFilter.Redirect redirect) {
        return new RedirectDecision(Optional.of(redirect), "");
    }

    public static RedirectDecision none(String why) {
        return new RedirectDecision(Optional.empty(), why);
    }
}
