package dev.gatehouse.routing.route;

import java.util.Optional;

/**
 * How a request is carried, decided once by the engine: to the backend ({@link Upstream}) and back to the
 * client ({@code Strict-Transport-Security} on the response).
 *
 * @param upstream how the controller speaks to the backend
 * @param hsts     the {@code Strict-Transport-Security} value the response carries, if any
 */
public record Carriage(Upstream upstream, Optional<String> hsts) {

    /** ingress-nginx's default {@code hsts} header value. */
    public static final String HSTS_VALUE = "max-age=31536000; includeSubDomains";

    /** No backend is reached and no HSTS header is added. */
    public static final Carriage NONE = new Carriage(Upstream.PLAIN_HTTP, Optional.empty());

    /** HSTS for an HTTPS response of a host with TLS, when the controller has {@code hsts} on. */
    public static Optional<String> hsts(boolean https, boolean hostHasTls, boolean hstsOn) {
        return https && hostHasTls && hstsOn ? Optional.of(HSTS_VALUE) : Optional.empty();
    }
}
