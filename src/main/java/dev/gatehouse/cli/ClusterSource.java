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
     * @param view    the objects
     * @param notes   things worth telling the user (printed to stderr)
     * @param anchors roots to trust for this source besides the usual ones (the demo cluster's CA), with
     *                where they came from
     */
    record Ready(ClusterView view, List<String> notes, java.util.Map<String, List<java.security.cert.X509Certificate>> anchors)
            implements Opened {
        public Ready {
            notes = List.copyOf(notes);
            anchors = java.util.Map.copyOf(anchors);
        }

        public Ready(ClusterView view, List<String> notes) {
            this(view, notes, java.util.Map.of());
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
