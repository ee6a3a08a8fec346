package dev.gatehouse.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * One try of a {@link ClusterSession} to connect (the first, or one per Retry): its client, the
 * outcome of its last version call, whether its informers run, its health check.
 */
final class Attempt {

    final int number;
    volatile KubernetesClient client;
    /** The API server address, without user info, for messages. */
    volatile String server;
    /** The server version once a version call succeeded. */
    volatile String version;
    /** Why the API server cannot be used, or null. */
    volatile String unreachable;
    volatile boolean informersStarted;
    volatile ScheduledFuture<?> health;
    /** The API server's last 429 Retry-After, while it runs. */
    final Throttle throttle = new Throttle();
    /** Set when the client is built. */
    volatile AttemptSignals signals;

    Attempt(int number) {
        this.number = number;
    }

    /** What the session shows while this attempt is its current one. */
    ConnectionState state(SessionCaches caches) {
        Attempt a = this;
        if (a.unreachable != null) {
            return new ConnectionState.Unreachable(a.unreachable);
        }
        Optional<Long> throttled = a.throttle.secondsLeft();
        if (throttled.isPresent()) {
            return new ConnectionState.Throttled(Failure.throttling(throttled.get()));
        }
        if (a.version == null || !a.informersStarted) {
            return new ConnectionState.Connecting();
        }
        Optional<String> unreachable = caches.unreachable();
        if (unreachable.isPresent()) {
            return new ConnectionState.Unreachable(unreachable.get());
        }
        if (caches.anyThrottled()) {
            return new ConnectionState.Throttled("the API server is throttling requests; retrying");
        }
        if (caches.anySyncing()) {
            return new ConnectionState.Connecting();
        }
        List<String> problems = caches.problems();
        return problems.isEmpty() ? new ConnectionState.Connected(a.version)
                : new ConnectionState.Degraded(a.version, problems);
    }

    /** "v1.31.0", or "v1.31" from major/minor, or "unknown version". */
    static String versionString(VersionInfo info) {
        if (info == null) {
            return "unknown version";
        }
        if (info.getGitVersion() != null && !info.getGitVersion().isBlank()) {
            return info.getGitVersion();
        }
        if (info.getMajor() != null && info.getMinor() != null) {
            return "v" + info.getMajor() + "." + info.getMinor();
        }
        return "unknown version";
    }
}
