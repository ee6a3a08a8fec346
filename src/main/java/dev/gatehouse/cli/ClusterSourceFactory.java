package dev.gatehouse.cli;

import dev.gatehouse.routing.yaml.LoadProblem;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import java.util.List;

/**
 * Turns the source options of a command into a {@link ClusterSource}. The default reads the {@code -f}
 * files; a live-cluster factory can be passed to the commands' constructors instead.
 */
@FunctionalInterface
public interface ClusterSourceFactory {

    ClusterSource create(ClusterSourceOptions options);

    /** Files with {@code -f}; a live cluster with {@code --kubeconfig} / {@code --context}. */
    static ClusterSourceFactory standard() {
        ClusterSourceFactory files = yamlFiles();
        return options -> options.live() ? new LiveClusterSource(options) : files.create(options);
    }

    /** Reads the YAML files and directories given with {@code -f}. */
    static ClusterSourceFactory yamlFiles() {
        return options -> () -> {
            if (options.files().isEmpty()) {
                return new ClusterSource.Unavailable(List.of("No input: pass -f FILE or -f DIR with Kubernetes YAML, or --context NAME for a live cluster"
                        + " (Ingresses, IngressClasses, Secrets, Services, EndpointSlices)"));
            }
            LoadResult result = new YamlClusterLoader().load(options.files());
            if (result instanceof LoadResult.Loaded loaded) {
                return new ClusterSource.Ready(loaded.view(), loaded.notes());
            }
            return new ClusterSource.Unavailable(((LoadResult.Failed) result).problems().stream()
                    .map(LoadProblem::display).toList());
        };
    }
}
