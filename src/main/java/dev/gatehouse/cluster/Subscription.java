package dev.gatehouse.cluster;

/** Handle returned when adding a listener; {@link #cancel()} removes it (idempotent). */
@FunctionalInterface
public interface Subscription {
    void cancel();
}
