package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Optional;

/**
 * An Ingress backend looked up in the cluster: the Service, its port and ready endpoints.
 *
 * @param service        the Service (empty for a {@code resource} backend)
 * @param port           the port as the Ingress names it: a number or a port name
 * @param servicePort    the Service port number, once resolved
 * @param state          what was found
 * @param readyEndpoints ready endpoints for that port
 * @param endpoints      all endpoints for that port
 * @param detail         a plain sentence
 */
public record ResolvedBackend(Optional<ObjectRef> service, String port, Optional<Integer> servicePort, State state,
                              int readyEndpoints, int endpoints, String detail) {

    /** What was found. */
    public enum State {
        /** The Service and port exist and at least one endpoint is ready. */
        READY,
        /** The Service and port exist but no endpoint is ready (ingress-nginx answers 503). */
        NO_READY_ENDPOINTS,
        /** The Service does not exist. */
        SERVICE_MISSING,
        /** The Service exists without that port number or name. */
        PORT_MISSING,
        /** The Service is not in the input (YAML without Services): assumed fine. */
        SERVICE_NOT_IN_INPUT,
        /** The Service and port exist; the input holds no EndpointSlices. */
        ENDPOINTS_NOT_IN_INPUT,
        /** An ExternalName Service: traffic goes to a DNS name outside the cluster. */
        EXTERNAL_NAME,
        /** A {@code resource} backend, which ingress-nginx does not support. */
        RESOURCE_BACKEND,
        /** The backend names no Service or no port. */
        INVALID
    }

    /** The controller can send traffic there (as far as the input tells). */
    public boolean servesTraffic() {
        return switch (state) {
            case READY, SERVICE_NOT_IN_INPUT, ENDPOINTS_NOT_IN_INPUT, EXTERNAL_NAME -> true;
            default -> false;
        };
    }

    /** {@code Service shop/api port 8080}. */
    public String display() {
        return service.map(s -> s + " port " + port).orElse("resource backend");
    }

    /** A path that names no backend. */
    public static ResolvedBackend none() {
        return new ResolvedBackend(Optional.empty(), "", Optional.empty(), State.INVALID, 0, 0, "the path has no backend");
    }
}
