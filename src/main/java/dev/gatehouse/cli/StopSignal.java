package dev.gatehouse.cli;

/** How a long-running command ({@code demo-cluster}, {@code proxy}) learns that it should stop. */
@FunctionalInterface
interface StopSignal {
    /**
     * Starts catching the stop request. Called before the ready line, so that a stop sent as soon as the
     * line appears (as scripts do) is a clean stop and not the JVM's default exit.
     */
    default void arm() {
    }

    /** Blocks until the command should stop. */
    void await() throws InterruptedException;
}
