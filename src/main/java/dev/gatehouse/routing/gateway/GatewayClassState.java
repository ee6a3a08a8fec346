package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;

/**
 * A GatewayClass and whether its controller accepted it. Gatehouse cannot see which controllers run, so a class
 * in the input counts as accepted unless its {@code status} says {@code Accepted=False}.
 *
 * @param ref            the GatewayClass
 * @param controllerName {@code spec.controllerName}
 * @param accepted       the Accepted condition
 */
public record GatewayClassState(ObjectRef ref, String controllerName, Condition accepted) {

    public boolean isAccepted() {
        return accepted.status();
    }
}
