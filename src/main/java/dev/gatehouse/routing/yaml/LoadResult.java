package dev.gatehouse.routing.yaml;

import dev.gatehouse.routing.input.InMemoryClusterView;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** The outcome of loading YAML: a view, or the problems that prevent one. */
public sealed interface LoadResult permits LoadResult.Loaded, LoadResult.Failed {

    /**
     * Everything loaded.
     *
     * @param view    the objects Gatehouse uses, as a view
     * @param objects every object read, in file order
     * @param notes   things worth telling (ignored kinds, old API versions)
     */
    record Loaded(InMemoryClusterView view, List<HasMetadata> objects, List<String> notes) implements LoadResult {
        public Loaded {
            objects = List.copyOf(objects);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Input that could not be read.
     *
     * @param problems each problem with file and line
     */
    record Failed(List<LoadProblem> problems) implements LoadResult {
        public Failed {
            problems = List.copyOf(problems);
        }
    }
}
