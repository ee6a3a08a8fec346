package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Gateway as a conformant controller sees it.
 *
 * @param ref              the Gateway
 * @param className        {@code spec.gatewayClassName}
 * @param gatewayClass     that class, if it is in the input
 * @param listeners        its listeners, then those of attached ListenerSets
 * @param conditions       Accepted and Programmed
 * @param listenerSets     ListenerSets naming this Gateway → why they are (not) attached
 */
public record GatewayState(ObjectRef ref, String className, Optional<GatewayClassState> gatewayClass,
                           List<GatewayListener> listeners, List<Condition> conditions,
                           Map<ObjectRef, Condition> listenerSets) {

    public GatewayState {
        listeners = List.copyOf(listeners);
        conditions = List.copyOf(conditions);
        listenerSets = Map.copyOf(listenerSets);
    }

    public Optional<Condition> condition(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    /** The Gateway is accepted (its class is accepted and at least one listener is valid). */
    public boolean accepted() {
        return condition(Condition.ACCEPTED).map(Condition::status).orElse(false);
    }

    public Optional<GatewayListener> listener(String name) {
        return listeners.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
