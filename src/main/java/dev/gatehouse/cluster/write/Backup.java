package dev.gatehouse.cluster.write;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of one object before Gatehouse changed it. {@code yaml} is empty when the object did
 * not exist (the change created it; undoing deletes it).
 */
public record Backup(String id, String kind, String namespace, String name, Instant taken, String reason,
                     Optional<String> yaml) {

    public String describe() {
        return kind + " " + namespace + "/" + name + " — " + reason;
    }
}
