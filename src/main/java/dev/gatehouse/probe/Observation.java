package dev.gatehouse.probe;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a probe of one host saw, before any judgement.
 *
 * @param target         what was probed
 * @param at             when (the probe's clock)
 * @param resolved       the IP address connected to (empty when the name did not resolve)
 * @param withSni        the handshake sending the host as SNI, offering every version and ALPN h2, http/1.1
 * @param withoutSni     the same without SNI (empty when the first connection failed)
 * @param versions       each version offered alone (empty when the first connection failed)
 * @param http           {@code GET /} over TLS with ALPN http/1.1 (empty when the first connection failed)
 * @param implementation which TLS library offered the versions
 */
public record Observation(ProbeTarget target, Instant at, Optional<InetAddress> resolved, Attempt withSni,
                          Optional<Attempt> withoutSni, List<VersionSupport> versions, Optional<Attempt> http,
                          String implementation) {

    public Observation {
        versions = List.copyOf(versions);
    }

    /** True when the first handshake completed. */
    public boolean reached() {
        return withSni.succeeded();
    }

    /** The version support of one protocol, if tested. */
    public Optional<VersionSupport> version(String protocol) {
        return versions.stream().filter(v -> v.protocol().equals(protocol)).findFirst();
    }
}
