package dev.gatehouse.cluster;

import java.util.Objects;

/** The state of one {@link ResourceCache}. */
public sealed interface CacheStatus {

    CacheStatus SYNCING = new Syncing();
    CacheStatus READY = new Ready();

    /** The first listing has not finished yet. */
    record Syncing() implements CacheStatus {
    }

    /** Listed and watched: the cache reflects the cluster. */
    record Ready() implements CacheStatus {
    }

    /** Listing (or watching) is forbidden, e.g. "no permission to list secrets in namespace shop". */
    record Forbidden(String message) implements CacheStatus {
        public Forbidden {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The cluster does not serve this kind, e.g. "the cluster does not serve httproutes
     * (gateway.networking.k8s.io/v1)": its CRDs are not installed. Normal, not a problem: the cache is
     * empty and stays so until a reconnect (or a later discovery) finds the kind served.
     */
    record NotServed(String message) implements CacheStatus {
        public NotServed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Listing failed for another reason (unreachable, kind not served...); retried in the background. */
    record Failed(String message) implements CacheStatus {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }
}
