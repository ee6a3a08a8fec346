package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;

/**
 * A {@code spec.defaultBackend} in use for a host (or for the catch-all server).
 *
 * @param ingress     the Ingress that declares it
 * @param backend     the backend
 * @param annotations that Ingress's annotations
 */
public record DefaultBackendRef(ObjectRef ingress, IngressBackend backend, NginxAnnotations annotations) {
}
