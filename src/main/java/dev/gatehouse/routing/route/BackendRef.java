package dev.gatehouse.routing.route;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Optional;

/**
 * One backend of a rule, before it is looked up.
 *
 * @param kind       a Service, or a kind the controller cannot send to
 * @param namespace  the namespace the reference resolves in
 * @param name       the Service name ("" when none is named)
 * @param port       the port as written: a number or a port name ("" when none)
 * @param portNumber the port number, when written as one
 * @param weight     share of the rule's traffic (0 = never chosen)
 */
public record BackendRef(Kind kind, String namespace, String name, String port, Optional<Integer> portNumber,
                         int weight) {

    /** What the reference points at. */
    public enum Kind { SERVICE, UNSUPPORTED }

    /** The Service, when this is a Service reference. */
    public Optional<ObjectRef> service() {
        return kind == Kind.SERVICE ? Optional.of(ObjectRef.service(namespace, name)) : Optional.empty();
    }
}
