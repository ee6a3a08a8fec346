package dev.gatehouse.routing.route;

/** How a request host found its virtual host. */
public enum HostMatch {
    /** A host pattern names it exactly. */
    EXACT,
    /** A wildcard covers it (as many labels as the wildcard's {@link HostPattern.WildcardSpan} allows). */
    WILDCARD,
    /** No host names it: the host-less rules and the catch-all answer. */
    CATCH_ALL
}
