package dev.gatehouse.proxy;

import dev.gatehouse.routing.input.ClusterView;
import java.util.function.Supplier;

/**
 * Where the proxy's rules and certificates come from: the live session, YAML files, or a draft
 * overlay. {@link #read()} is called on every reload, off the I/O threads; the proxy keeps serving
 * the previous rules when it fails.
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
