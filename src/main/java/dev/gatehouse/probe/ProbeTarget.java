package dev.gatehouse.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * One host to probe: the name sent as SNI and Host, where to connect, and how long each phase may take.
 *
 * @param host    the host name (SNI and {@code Host} header)
 * @param address where to connect
 * @param timeout the bound of each phase: name resolution, TCP connect, TLS handshake, first answer to {@code GET /}
 */
public record ProbeTarget(String host, ProbeAddress address, Duration timeout) {

    /** The default bound of each phase. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ProbeTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }
}
