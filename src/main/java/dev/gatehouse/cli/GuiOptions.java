package dev.gatehouse.cli;

import java.nio.file.Path;
import java.util.Optional;

/** What the command line asked of the GUI: a kubeconfig, a context, or the demo cluster. */
public record GuiOptions(boolean demo, Optional<Path> kubeconfig, Optional<String> context) {
    public static GuiOptions defaults() {
        return new GuiOptions(false, Optional.empty(), Optional.empty());
    }
}
