package dev.gatehouse.cluster;

import java.util.List;
import java.util.Objects;

/** What the user sees about the connection of a {@link ClusterSession}. */
public sealed interface ConnectionState {

    /** Connecting: building credentials, reaching the API server, first listing. */
    record Connecting() implements ConnectionState {
    }

    /** Everything is listed and watched. */
    record Connected(String serverVersion) implements ConnectionState {
        public Connected {
            Objects.requireNonNull(serverVersion, "serverVersion");
        }
    }

    /**
     * Connected, but some kinds cannot be shown, e.g. "no permission to list secrets in
     * namespace shop". The other kinds work.
     */
    record Degraded(String serverVersion, List<String> problems) implements ConnectionState {
        public Degraded {
            Objects.requireNonNull(serverVersion, "serverVersion");
            problems = List.copyOf(problems);
        }
    }

    /**
     * The API server answered 429 Too Many Requests: Gatehouse waits as long as its Retry-After asks, then
     * tries again; {@code reason} says so ("the API server is throttling requests; retrying in 3 s"). The caches
     * keep what they have.
     */
    record Throttled(String reason) implements ConnectionState {
        public Throttled {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The API server cannot be used: not reachable, too slow, TLS failure, credentials
     * rejected. {@code reason} is plain text for the user; {@link ClusterSession#retry()}
     * tries again (the session also keeps trying by itself).
     */
    record Unreachable(String reason) implements ConnectionState {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
