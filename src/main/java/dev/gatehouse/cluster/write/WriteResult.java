package dev.gatehouse.cluster.write;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/** What a cluster write came to. Every variant carries a plain message for the user. */
public sealed interface WriteResult {
    String message();

    /** Written; {@code backup} restores the state before (undo). */
    record Written(HasMetadata result, Backup backup, String message) implements WriteResult {
    }

    /** The server validated it without storing anything (dry run). */
    record Validated(String message) implements WriteResult {
    }

    /** The live object changed since it was read (or appeared / disappeared): nothing was written. */
    record Conflict(Optional<HasMetadata> live, String message) implements WriteResult {
    }

    /** The API server refused it (validation, admission webhook, permission). Nothing was written. */
    record Rejected(int status, String message) implements WriteResult {
    }
}
