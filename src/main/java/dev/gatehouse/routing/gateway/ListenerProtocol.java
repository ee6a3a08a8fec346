package dev.gatehouse.routing.gateway;

import java.util.List;
import java.util.Optional;

/** A listener's {@code protocol}, with the route kinds it takes by default. */
public enum ListenerProtocol {
    HTTP(List.of("HTTPRoute", "GRPCRoute")),
    HTTPS(List.of("HTTPRoute", "GRPCRoute")),
    TLS(List.of("TLSRoute")),
    TCP(List.of("TCPRoute")),
    UDP(List.of("UDPRoute"));

    private final List<String> kinds;

    ListenerProtocol(List<String> kinds) {
        this.kinds = kinds;
    }

    /** The route kinds a listener of this protocol supports (and allows when {@code allowedRoutes.kinds} is empty). */
    public List<String> supportedKinds() {
        return kinds;
    }

    /** The protocol of that name as the API spells it; empty for anything else. */
    public static Optional<ListenerProtocol> parse(String name) {
        for (ListenerProtocol p : values()) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Whether a request of this scheme ({@code http} / {@code https}) can land on such a listener. */
    public boolean takes(String scheme) {
        return switch (this) {
            case HTTP -> "http".equals(scheme);
            case HTTPS, TLS -> "https".equals(scheme);
            default -> false;
        };
    }
}
