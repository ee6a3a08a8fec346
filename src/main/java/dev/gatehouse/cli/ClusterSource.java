package dev.gatehouse.cli;

import dev.gatehouse.routing.input.ClusterView;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Where the CLI gets its objects: YAML files today, a live cluster later. Opening never throws; a
 * failure carries plain messages.
 */
@FunctionalInterface
public interface ClusterSource {

    Opened open();

    /**
     * Tells the user what opening said — "error: …" lines when unavailable, "note: …" lines when
     * ready — and returns the ready source, if any (the caller then exits 2 without one).
     */
    static Optional<Ready> report(Opened opened, PrintWriter err) {
        if (opened instanceof Unavailable unavailable) {
            unavailable.messages().forEach(m -> err.println("error: " + m));
            return Optional.empty();
        }
        Ready ready = (Ready) opened;
        ready.notes().forEach(n -> err.println("note: " + n));
        return Optional.of(ready);
    }

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
