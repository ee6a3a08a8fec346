package dev.gatehouse.routing.route;

/**
 * What the controller answers when a rule matched but none of its backends can take traffic.
 * ingress-nginx answers 503 (no upstream); Gateway API requires 500 when every backendRef is invalid.
 */
public enum NoValidBackend {
    /** 503 Service Unavailable (ingress-nginx). */
    SERVICE_UNAVAILABLE(503),
    /** 500 Internal Server Error (Gateway API: all backendRefs invalid). */
    INTERNAL_ERROR(500);

    private final int status;

    NoValidBackend(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
