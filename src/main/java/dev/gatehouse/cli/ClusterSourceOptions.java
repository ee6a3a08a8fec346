package dev.gatehouse.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the objects come from; shared by the commands as a picocli mixin. Only files for now; a live
 * cluster source adds its options here and plugs in through {@link ClusterSourceFactory}.
 */
public class ClusterSourceOptions {

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE|DIR",
            description = "YAML or JSON file, or a directory read recursively (repeatable)")
    private List<Path> files = new ArrayList<>();

    public List<Path> files() {
        return List.copyOf(files);
    }
}
