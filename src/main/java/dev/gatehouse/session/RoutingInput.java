package dev.gatehouse.session;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.ResourceCache;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.routing.input.ClusterView;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link RoutingService} reasons over: the objects, the roots trusted for this connection only, and a
 * signal when either changes. {@link #session} reads a live session's informer caches; {@link #fixed} a view
 * that never changes (YAML files for {@code -f}).
 */
public interface RoutingInput {

    /** For people: "live cluster kind-dev (all namespaces)", "3 files". */
    String describe();

    /** The objects, read at call time (a live view follows the caches). */
    ClusterView view();

    /** Roots trusted on this connection only (the demo cluster's CA), by origin; read at computation time. */
    Map<String, List<X509Certificate>> connectionRoots();

    /** Calls {@code changed} (on any thread) whenever {@link #view()} or the roots may have changed. */
    Subscription onChange(Runnable changed);

    /**
     * A live session: every informer cache of it signals a change.
     *
     * @param roots the connection's own roots, e.g. {@link ConnectionRoots#demo}
     */
    static RoutingInput session(ClusterSession session, Supplier<Map<String, List<X509Certificate>>> roots) {
        String description = "live cluster " + session.contextName() + " (" + session.scope() + ")";
        return new Of(description, new SessionClusterView(session), roots, changed -> {
            List<Subscription> subscriptions = new ArrayList<>();
            for (ResourceCache<?> cache : session.caches()) {
                subscriptions.add(cache.onChange(changed));
            }
            return () -> subscriptions.forEach(Subscription::cancel);
        });
    }

    /** A view that never changes, with its own roots. */
    static RoutingInput fixed(String description, ClusterView view, Map<String, List<X509Certificate>> roots) {
        Map<String, List<X509Certificate>> copy = Map.copyOf(roots);
        return new Of(description, view, () -> copy, changed -> () -> { });
    }

    /** The one implementation: its parts given as values and functions. */
    record Of(String describe, ClusterView view, Supplier<Map<String, List<X509Certificate>>> roots,
              Function<Runnable, Subscription> changes) implements RoutingInput {

        @Override
        public Map<String, List<X509Certificate>> connectionRoots() {
            return roots.get();
        }

        @Override
        public Subscription onChange(Runnable changed) {
            return changes.apply(changed);
        }
    }
}
