package dev.gatehouse.routing.model;

/**
 * The same host and path in two places; ingress-nginx keeps the first (older Ingress).
 *
 * @param winner the rule that is used
 * @param loser  the rule that is ignored
 */
public record PathConflict(PathRule winner, PathRule loser) {
}
