package dev.gatehouse.demo;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.lang.reflect.Field;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mock API server's set of open watches, so that a closing watch can leave it at once, on the
 * server's event loop, before its slow close handling runs elsewhere ({@link WatchCloseOffLoop}): an
 * event for a watch that is shutting down would otherwise fail the write that caused it. fabric8 keeps
 * the set private (a {@code CopyOnWriteArraySet}); when it cannot be reached, closing watches stay in it
 * until fabric8 removes them, as before.
 */
final class WatchListenerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(WatchListenerRegistry.class);

    private final Set<?> listeners;

    private WatchListenerRegistry(Set<?> listeners) {
        this.listeners = listeners;
    }

    static WatchListenerRegistry of(Dispatcher dispatcher) {
        try {
            Object crud = dispatcher;
            if (dispatcher instanceof KubernetesMixedDispatcher) {
                crud = field(KubernetesMixedDispatcher.class, "kubernetesCrudDispatcher").get(dispatcher);
            }
            if (crud instanceof KubernetesCrudDispatcher) {
                return new WatchListenerRegistry((Set<?>) field(KubernetesCrudDispatcher.class, "watchEventListeners")
                        .get(crud));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("The mock API server's watch list is not reachable ({}); closing watches leave it late", e.toString());
        }
        return new WatchListenerRegistry(null);
    }

    /** Over a given set (tests). */
    static WatchListenerRegistry over(Set<?> listeners) {
        return new WatchListenerRegistry(listeners);
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** Stops sending events to this watch (no effect when the list is not reachable). */
    void forget(WebSocketListener watch) {
        if (listeners != null) {
            listeners.remove(watch);
        }
    }

    boolean reachable() {
        return listeners != null;
    }
}
