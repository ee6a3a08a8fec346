package dev.gatehouse.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the command line asked of the GUI: a kubeconfig, a context, or the demo cluster.
 *
 * @param demoWhenNoKubeconfig open the built-in demo cluster when no kubeconfig was asked for and
 *                             none is found (KUBECONFIG, ~/.kube/config); the welcome screen otherwise
 */
public record GuiOptions(boolean demo, Optional<Path> kubeconfig, Optional<String> context, boolean demoWhenNoKubeconfig) {

    public GuiOptions(boolean demo, Optional<Path> kubeconfig, Optional<String> context) {
        this(demo, kubeconfig, context, true);
    }

    public static GuiOptions defaults() {
        return new GuiOptions(false, Optional.empty(), Optional.empty());
    }

    /** The same, but a machine without a kubeconfig shows the welcome screen instead of the demo cluster. */
    public GuiOptions withoutDemoFallback() {
        return new GuiOptions(demo, kubeconfig, context, false);
    }
}
