package dev.gatehouse.ui.route;

import java.util.List;

/**
 * One rule of a route, summarised: what it matches, what its filters do, where it sends requests.
 *
 * @param title    {@code Rule 1} (with its name, if given)
 * @param matches  {@code PathPrefix /catalog}, {@code header X-Canary = always}; "every request" when none
 * @param filters  {@code URLRewrite: path prefix → /}
 * @param backends where it sends requests, with why a backend cannot take traffic
 */
public record RuleLine(String title, List<String> matches, List<String> filters, List<Target> backends) {

    /**
     * One backendRef (or what answers instead of one).
     *
     * @param text  {@code Service web/search-v1 port 80 · weight 90 (90%)} and, when invalid, why
     * @param brief {@code search-v1:80 (90%)} for the table
     * @param valid the Gateway can send traffic to it
     */
    public record Target(String text, String brief, boolean valid) {
    }

    public RuleLine {
        matches = List.copyOf(matches);
        filters = List.copyOf(filters);
        backends = List.copyOf(backends);
    }
}
