package dev.gatehouse.cli;

import dev.gatehouse.routing.ClusterView;
import java.util.List;

/**
 * Where the CLI gets its objects: YAML files today, a live cluster later. Opening never throws; a
 * failure carries plain messages.
 */
@FunctionalInterface
public interface ClusterSource {

    Opened open();

    /** The outcome of opening a source. */
    sealed interface Opened permits Ready, Unavailable {
    }

    /**
     * A view to work on.
     *
     * @param view  the objects
     * @param notes things worth telling the user (printed to stderr)
     */
    record Ready(ClusterView view, List<String> notes) implements Opened {
        public Ready {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The input cannot be used.
     *
     * @param messages plain messages, e.g. {@code ingress.yaml:12: invalid YAML: ...}
     */
    record Unavailable(List<String> messages) implements Opened {
        public Unavailable {
            messages = List.copyOf(messages);
        }
    }
}
