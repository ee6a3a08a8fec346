package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;

/**
 * Names one listener: the object that declares it (a Gateway, or a ListenerSet attached to one) and its name.
 *
 * @param owner the Gateway or ListenerSet
 * @param name  {@code listeners[].name}
 */
public record ListenerKey(ObjectRef owner, String name) {

    /** {@code Gateway shop/edge, listener https}. */
    @Override
    public String toString() {
        return owner + ", listener " + name;
    }
}
