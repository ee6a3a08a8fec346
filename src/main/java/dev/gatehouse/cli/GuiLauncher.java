package dev.gatehouse.cli;

/**
 * Opens the desktop window. Implemented outside the core (the CLI must not depend on JavaFX);
 * {@code dev.gatehouse.Main} supplies it.
 */
@FunctionalInterface
public interface GuiLauncher {
    /** Blocks until the window closes; returns the process exit code. */
    int launch(GuiOptions options);
}
