package dev.gatehouse.cli;

import dev.gatehouse.proxy.RuleSource;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.yaml.LoadProblem;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The proxy's rules from YAML files and directories, read again on every reload. */
final class YamlRuleSource implements RuleSource {

    private final List<Path> paths;
    private final YamlClusterLoader loader = YamlClusterLoader.caching();
    private volatile Read last;

    /** What the files held when their fingerprint was this. */
    private record Read(String fingerprint, ClusterView view) {
    }

    YamlRuleSource(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    List<Path> paths() {
        return paths;
    }

    @Override
    public String describe() {
        return paths.size() == 1 ? paths.get(0).toString() : paths.size() + " files";
    }

    @Override
    public ClusterView read() throws RuleSourceException {
        String before = fingerprint();
        Read cached = last;
        if (cached != null && cached.fingerprint().equals(before)) {
            return cached.view(); // nothing changed since the last read (the first check and the proxy's start)
        }
        LoadResult result = loader.load(paths);
        if (result instanceof LoadResult.Loaded loaded) {
            last = new Read(before, loaded.view());
            return loaded.view();
        }
        throw new RuleSourceException(((LoadResult.Failed) result).problems().stream().map(LoadProblem::display)
                .collect(Collectors.joining("; ")));
    }

    /** Changes whenever a file under the paths is added, removed, resized or modified. */
    String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                b.append(p).append(":missing;");
                continue;
            }
            try (Stream<Path> files = Files.isDirectory(p) ? Files.walk(p) : Stream.of(p)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        b.append(f).append(':').append(a.size()).append(':').append(a.lastModifiedTime()).append(';');
                    } catch (IOException e) {
                        b.append(f).append(":unreadable;");
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                b.append(p).append(":unreadable;");
            }
        }
        return b.toString();
    }
}
