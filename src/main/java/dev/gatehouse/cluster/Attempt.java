package dev.gatehouse.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;

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

    Attempt(int number) {
        this.number = number;
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
