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

    /** The system property that sets {@link #timeout}: {@code 10s}, {@code 500ms}, {@code 2m}, {@code PT10S}. */
    public static final String TIMEOUT_PROPERTY = "gatehouse.cluster.timeout";
    /** Connect (TCP and TLS) and first answer of a request, each: what a user waits for before being told. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Connect and request timeout {@link #DEFAULT_TIMEOUT} (or {@value #TIMEOUT_PROPERTY}), reconnect
     * after 1 s, health check every 15 s, no retries.
     *
     * @throws IllegalArgumentException when the property is set to something that is not a duration
     */
    public static SessionSettings defaults() {
        String configured = System.getProperty(TIMEOUT_PROPERTY);
        Duration timeout = configured == null || configured.isBlank() ? DEFAULT_TIMEOUT
                : parseTimeout(configured, "-D" + TIMEOUT_PROPERTY);
        return new SessionSettings(timeout, timeout, Duration.ofSeconds(1), Duration.ofSeconds(15), 0);
    }

    /** These settings with another connect and request timeout. */
    public SessionSettings withTimeout(Duration timeout) {
        return new SessionSettings(timeout, timeout, watchReconnectInterval, healthCheckInterval, requestRetries);
    }

    /**
     * {@code 10s}, {@code 500ms}, {@code 2m}, a number of seconds, or ISO-8601 ({@code PT10S}).
     *
     * @param source where the text came from, for the message ("--cluster-timeout")
     * @throws IllegalArgumentException with a plain message naming the source
     */
    public static Duration parseTimeout(String text, String source) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + " \"" + text + "\" is not a duration (write 10s, 500ms, 2m)");
        }
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + " \"" + text + "\" must be a positive duration");
        }
        return d;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
