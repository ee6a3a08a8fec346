package dev.gatehouse.proxy;

import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.input.ClusterView;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the proxy's rules and certificates come from: the live session, YAML files, or a draft
 * overlay. {@link #snapshot} is called on every reload, off the I/O threads; the proxy keeps serving
 * the previous rules when it fails. A source backed by a session's routing service hands over the
 * service's snapshot ({@link #ofSnapshots}), so the proxy and the screens judge with one engine
 * reading and one trust policy; other sources give a view the proxy's own engine reads.
 */
public interface RuleSource {

    /** What is served, for people: "live cluster gatehouse-demo (all namespaces)", "3 files". */
    String describe();

    /**
     * The objects as they are now.
     *
     * @throws RuleSourceException with a plain message when they cannot be read
     */
    ClusterView read() throws RuleSourceException;

    /**
     * The engine's reading of the objects now. By default {@code engine} reads {@link #read()}; sources that
     * already hold a snapshot return it.
     *
     * @param engine the proxy's engine (its profile, clock and trust anchors)
     * @throws RuleSourceException with a plain message when the objects cannot be read
     */
    default RoutingSnapshot snapshot(Function<ClusterView, RoutingSnapshot> engine) throws RuleSourceException {
        return engine.apply(read());
    }

    /**
     * A source whose snapshots come from elsewhere (a session's routing service, a draft overlay on it).
     *
     * @param views     the objects (for {@link #read()})
     * @param snapshots the engine's reading of them, asked on every reload
     */
    static RuleSource ofSnapshots(String description, Supplier<? extends ClusterView> views,
                                  Supplier<RoutingSnapshot> snapshots) {
        return new RuleSource() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public ClusterView read() {
                return views.get();
            }

            @Override
            public RoutingSnapshot snapshot(Function<ClusterView, RoutingSnapshot> engine) {
                return snapshots.get();
            }
        };
    }

    /** A source that always answers with the view the supplier gives (a live view, a draft overlay). */
    static RuleSource of(String description, Supplier<? extends ClusterView> views) {
        return new RuleSource() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public ClusterView read() {
                return views.get();
            }
        };
    }

    /** The rules could not be read. */
    final class RuleSourceException extends Exception {
        private static final long serialVersionUID = 1L;

        public RuleSourceException(String message) {
            super(message);
        }
    }
}
