package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;

/**
 * Client-certificate authentication of a host ({@code auth-tls-*}), taken from the oldest Ingress of the
 * host that sets {@code auth-tls-secret}.
 *
 * @param ingress     the Ingress that sets it
 * @param annotations that Ingress's annotations
 * @param caSecret    the CA Secret (needs {@code ca.crt})
 */
public record AuthTlsBinding(ObjectRef ingress, NginxAnnotations annotations, SecretState caSecret) {

    /** The CA Secret exists and has a readable {@code ca.crt}. */
    public boolean usable() {
        return caSecret.presence() == SecretState.Presence.NOT_IN_INPUT
                || caSecret.presence() == SecretState.Presence.PRESENT && caSecret.hasCa()
                && caSecret.ca().map(m -> !m.chain().isEmpty()).orElse(false);
    }
}
