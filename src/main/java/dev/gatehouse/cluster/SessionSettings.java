package dev.gatehouse.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and intervals of a {@link ClusterSession}.
 *
 * @param connectTimeout         TCP/TLS connect timeout of every request
 * @param requestTimeout         timeout of one request (list, get, version)
 * @param watchReconnectInterval first delay before a failed list/watch is retried; fabric8
 *                               doubles it on every further failure (up to 32 times it)
 * @param healthCheckInterval    how often the session asks the API server for its version to
 *                               notice an outage or a recovery
 * @param requestRetries         how often fabric8 retries a request that failed with an I/O
 *                               error or a 5xx answer (0: fail fast, the session retries itself)
 */
public record SessionSettings(Duration connectTimeout, Duration requestTimeout,
                              Duration watchReconnectInterval, Duration healthCheckInterval,
                              int requestRetries) {

    public SessionSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(watchReconnectInterval, "watchReconnectInterval");
        requirePositive(healthCheckInterval, "healthCheckInterval");
        if (requestRetries < 0) {
            throw new IllegalArgumentException("requestRetries must be >= 0");
        }
    }

    /** Connect 5 s, request 10 s, reconnect after 1 s, health check every 15 s, no retries. */
    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(15), 0);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
