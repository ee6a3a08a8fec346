package dev.gatehouse.proxy.backend;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One way of reaching Service ports: explicit mappings, the demo cluster's echo backends, or
 * port-forwards to Pods. Thread-safe; {@link #locate} never blocks (slow work completes the future later).
 */
public interface BackendSource extends AutoCloseable {

    /** Short name for people: "mapping", "demo", "port-forward". */
    String name();

    /**
     * Where the Service port is reached.
     *
     * @return empty when this source does not know the port (the next source is asked); otherwise a
     *         future that completes with the target or fails with {@link BackendUnavailableException}
     */
    Optional<CompletableFuture<BackendTarget>> locate(BackendKey key);

    /** What {@link #locate} would use, without opening anything (for the mapping table). */
    Optional<String> preview(BackendKey key);

    /** Releases what was opened (port-forwards). */
    @Override
    default void close() {
    }
}
