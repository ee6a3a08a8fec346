package dev.gatehouse.routing;

/** What the controller does with a request. */
public enum Outcome {
    /** Proxied to a backend Service (200 from the controller's point of view). */
    ROUTED(200),
    /** No path matched; proxied to the Ingress's {@code spec.defaultBackend}. */
    DEFAULT_BACKEND(200),
    /** No path matched and no default backend: the controller's default backend answers 404. */
    NOT_FOUND(404),
    /** Plain HTTP redirected to HTTPS with 308. */
    REDIRECT(308),
    /** nginx refuses the request before routing it: a path above the root, a broken escape (400). */
    BAD_REQUEST(400),
    /** The host requires a client certificate and none was sent (400). */
    CLIENT_CERT_REQUIRED(400),
    /** The client certificate failed verification (400). */
    CLIENT_CERT_REJECTED(400),
    /** The client certificate is valid but its subject is not allowed ({@code auth-tls-match-cn}, 403). */
    CLIENT_CERT_FORBIDDEN(403),
    /** The location is denied because its configuration is invalid (503). */
    DENIED(503),
    /** The backend Service, port or endpoints are missing (503). */
    SERVICE_UNAVAILABLE(503),
    /**
     * The Host header names a host another listener serves than the one the TLS SNI chose (HTTP/2
     * connection coalescing across certificates): Gateway API's 421 Misdirected Request.
     */
    MISDIRECTED(421),
    /** A rule matched but none of its backends is valid (Gateway API: 500 Internal Server Error). */
    NO_VALID_BACKEND(500),
    /** TLS is passed through to the backend; the controller sees no HTTP (status from the backend). */
    PASSTHROUGH(0);

    private final int status;

    Outcome(int status) {
        this.status = status;
    }

    /** The HTTP status the client gets; 0 when the backend decides (passthrough). */
    public int status() {
        return status;
    }
}
