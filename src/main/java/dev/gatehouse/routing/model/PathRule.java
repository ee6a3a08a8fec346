package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.routing.route.PathMatch;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;

/**
 * One {@code rules[].http.paths[]} entry of an Ingress the controller handles.
 *
 * @param ingress     the owning Ingress
 * @param source      the Ingress object
 * @param annotations its parsed annotations
 * @param host        the rule host
 * @param ruleIndex   0-based index of the rule in the Ingress
 * @param pathIndex   0-based index of the path in the rule
 * @param path        the path as written ("/" when empty)
 * @param kind        its pathType
 * @param backend     where it sends traffic
 */
public record PathRule(ObjectRef ingress, Ingress source, NginxAnnotations annotations, HostPattern host,
                       int ruleIndex, int pathIndex, String path, PathKind kind, IngressBackend backend) {

    /** The path without a trailing slash (except "/"); Prefix paths compare this way. */
    public String normalizedPath() {
        return PathMatch.withoutTrailingSlash(path);
    }

    /** Two rules with equal keys on one host are the same location in ingress-nginx: a conflict. */
    public String conflictKey() {
        return switch (kind) {
            case EXACT -> "=" + path;
            case PREFIX -> "^" + normalizedPath();
            default -> "~" + path;
        };
    }

    /** {@code /api (Prefix)}. */
    public String display() {
        return path + " (" + kind.label() + ")";
    }

    /** {@code rule 1, path 2} (1-based, as users count). */
    public String position() {
        return "rule " + (ruleIndex + 1) + ", path " + (pathIndex + 1);
    }
}
