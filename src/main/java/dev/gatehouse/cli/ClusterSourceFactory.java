package dev.gatehouse.cli;

import dev.gatehouse.routing.yaml.LoadProblem;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the source options of a command into a {@link ClusterSource}. The default reads the
 * {@code --manifests} files; a live-cluster factory can be passed to the commands' constructors instead.
 */
@FunctionalInterface
public interface ClusterSourceFactory {

    ClusterSource create(ClusterSourceOptions options);

    /** Files with {@code --manifests}; a live cluster with {@code --kubeconfig} / {@code --context}. */
    static ClusterSourceFactory standard() {
        ClusterSourceFactory files = yamlFiles();
        return options -> options.live() ? new LiveClusterSource(options) : files.create(options);
    }

    /** Reads the YAML files and directories given with {@code --manifests} ({@code -f}). */
    static ClusterSourceFactory yamlFiles() {
        return options -> () -> {
            List<Path> paths;
            try {
                paths = options.files();
            } catch (InvalidPathException e) {
                return new ClusterSource.Unavailable(List.of("\"" + e.getInput() + "\" is not a valid path: "
                        + e.getReason()));
            }
            if (paths.isEmpty()) {
                return new ClusterSource.Unavailable(List.of("No input: pass --manifests PATH… (files or directories"
                        + " of Kubernetes YAML: Ingresses, IngressClasses, Secrets, Services, EndpointSlices),"
                        + " or --context NAME for a live cluster"));
            }
            LoadResult result = new YamlClusterLoader().load(paths);
            if (result instanceof LoadResult.Loaded loaded) {
                return new ClusterSource.Ready(loaded.view(), loaded.notes());
            }
            return new ClusterSource.Unavailable(((LoadResult.Failed) result).problems().stream()
                    .map(LoadProblem::display).toList());
        };
    }
}
