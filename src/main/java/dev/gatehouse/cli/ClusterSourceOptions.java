package dev.gatehouse.cli;

import dev.gatehouse.cluster.SessionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Where the objects come from, shared by the commands as a picocli mixin: YAML files
 * ({@code --manifests}, also spelled {@code -f}), or a live cluster ({@code --kubeconfig}, {@code --context}).
 */
public class ClusterSourceOptions {

    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    @Option(names = {"--manifests", "-f", "--filename"}, paramLabel = "PATH", arity = "1..*",
            description = "YAML or JSON files, or directories read recursively: several after one option,"
                    + " or the option repeated. Multi-document YAML and kind: List are accepted")
    private List<String> files = new ArrayList<>();

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Read a live cluster through this kubeconfig (default: KUBECONFIG or ~/.kube/config)")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME",
            description = "Read a live cluster through this kubeconfig context (default: the current context)")
    private String context;

    @Option(names = "--cluster-timeout", paramLabel = "DURATION",
            description = "With a live cluster: how long connecting (TCP and TLS) and each first answer may take"
                    + " before the problem is named, e.g. 10s, 500ms, 2m (default: 10s, or -D"
                    + SessionSettings.TIMEOUT_PROPERTY + ")")
    private String clusterTimeout;

    public List<Path> files() {
        return files.stream().map(Path::of).toList();
    }

    public Optional<Path> kubeconfig() {
        return Optional.ofNullable(kubeconfig);
    }

    public Optional<String> context() {
        return Optional.ofNullable(context);
    }

    /**
     * The session settings for a live cluster: the defaults, with {@code --cluster-timeout} when given.
     *
     * @throws IllegalArgumentException with a plain message when a timeout is not a duration
     */
    public SessionSettings sessionSettings() {
        SessionSettings defaults = SessionSettings.defaults();
        return clusterTimeout == null ? defaults
                : defaults.withTimeout(SessionSettings.parseTimeout(clusterTimeout, "--cluster-timeout"));
    }

    /** True when the user asked for a live cluster rather than files. */
    public boolean live() {
        return files.isEmpty() && (kubeconfig != null || context != null);
    }

    /**
     * Removes a URL given right after the paths and returns it. {@code --manifests} takes every
     * following argument, so in the older form {@code explain -f DIR https://host/} the URL lands
     * among the paths; no file path starts with {@code scheme://}.
     */
    Optional<String> takeTrailingUrl() {
        if (!files.isEmpty() && URL.matcher(files.get(files.size() - 1)).matches()) {
            return Optional.of(files.remove(files.size() - 1));
        }
        return Optional.empty();
    }
}
