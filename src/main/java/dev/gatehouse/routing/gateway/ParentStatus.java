package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * A route's status for one of its {@code parentRefs}, as a conformant controller writes it.
 *
 * @param parent       the Gateway or ListenerSet named
 * @param sectionName  {@code sectionName} (a listener name), if given
 * @param port         {@code port}, if given
 * @param attachedTo   the listeners the route attached to (empty when not accepted)
 * @param accepted     Accepted (NotAllowedByListeners, NoMatchingListenerHostname, NoMatchingParent)
 * @param resolvedRefs ResolvedRefs (BackendNotFound, RefNotPermitted, InvalidKind)
 */
public record ParentStatus(ObjectRef parent, Optional<String> sectionName, Optional<Integer> port,
                           List<ListenerKey> attachedTo, Condition accepted, Condition resolvedRefs) {

    public ParentStatus {
        attachedTo = List.copyOf(attachedTo);
    }

    /** {@code Gateway shop/edge (sectionName https)}. */
    public String display() {
        return parent + sectionName.map(s -> " (sectionName " + s + ")").orElse("")
                + port.map(p -> " (port " + p + ")").orElse("");
    }
}
