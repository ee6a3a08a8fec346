package dev.gatehouse.routing.route;

import java.util.Locale;
import java.util.Optional;

/** The protocol the controller speaks to a backend (ingress-nginx: {@code backend-protocol}). */
public enum UpstreamProtocol {
    HTTP("plain HTTP", false),
    HTTPS("HTTPS", true),
    GRPC("gRPC over cleartext HTTP/2", false),
    GRPCS("gRPC over TLS", true),
    AUTO_HTTP("plain HTTP", false),
    FCGI("FastCGI", false);

    private final String label;
    private final boolean tls;

    UpstreamProtocol(String label, boolean tls) {
        this.label = label;
        this.tls = tls;
    }

    /** How people call it: "plain HTTP", "FastCGI". */
    public String label() {
        return label;
    }

    /** The protocol runs over TLS: the controller re-encrypts. */
    public boolean tls() {
        return tls;
    }

    /** The protocol of that name (case-insensitive), if it is one. */
    public static Optional<UpstreamProtocol> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (UpstreamProtocol p : values()) {
            if (p.name().equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
