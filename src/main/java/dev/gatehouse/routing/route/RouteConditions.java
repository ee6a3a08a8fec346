package dev.gatehouse.routing.route;

import java.util.List;
import java.util.Optional;

/**
 * What a request must look like for a rule to apply. The Ingress front-end fills only the path.
 *
 * @param path    the path match
 * @param method  the HTTP method, if the rule names one
 * @param headers header matches (all must hold)
 * @param query   query-parameter matches (all must hold)
 */
public record RouteConditions(RoutePath path, Optional<String> method, List<ValueMatch> headers,
                              List<ValueMatch> query) {

    public RouteConditions {
        headers = List.copyOf(headers);
        query = List.copyOf(query);
    }

    /** A match on the path only. */
    public static RouteConditions path(RoutePath path) {
        return new RouteConditions(path, Optional.empty(), List.of(), List.of());
    }
}
