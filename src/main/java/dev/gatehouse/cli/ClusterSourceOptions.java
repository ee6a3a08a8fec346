package dev.gatehouse.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the objects come from, shared by the commands as a picocli mixin: YAML files ({@code -f}),
 * or a live cluster ({@code --kubeconfig}, {@code --context}).
 */
public class ClusterSourceOptions {

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR",
            description = "YAML or JSON file, or a directory read recursively (repeatable)")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Read a live cluster through this kubeconfig (default: KUBECONFIG or ~/.kube/config)")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME",
            description = "Read a live cluster through this kubeconfig context (default: the current context)")
    private String context;

    public List<Path> files() {
        return List.copyOf(files);
    }

    public java.util.Optional<Path> kubeconfig() {
        return java.util.Optional.ofNullable(kubeconfig);
    }

    public java.util.Optional<String> context() {
        return java.util.Optional.ofNullable(context);
    }

    /** True when the user asked for a live cluster rather than files. */
    public boolean live() {
        return files.isEmpty() && (kubeconfig != null || context != null);
    }
}
