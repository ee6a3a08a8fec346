package dev.gatehouse.routing;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostMatch;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which Ingress rule and path took the request.
 *
 * @param ingress        the Ingress
 * @param host           the rule host ({@code *.example.com}, or "(any host)")
 * @param hostMatch      exact host, wildcard, or the catch-all
 * @param ruleIndex      0-based rule index (empty for a default backend)
 * @param pathIndex      0-based path index (empty for a default backend)
 * @param path           the rule path
 * @param pathType       its pathType as written
 * @param defaultBackend true when {@code spec.defaultBackend} answered
 * @param regex          true when the path was matched as a regular expression
 */
public record RouteMatch(ObjectRef ingress, String host, HostMatch hostMatch, OptionalInt ruleIndex,
                         OptionalInt pathIndex, Optional<String> path, Optional<String> pathType,
                         boolean defaultBackend, boolean regex) {
}
