package dev.gatehouse.cli;

import dev.gatehouse.cluster.CacheStatus;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.ConnectionState;
import dev.gatehouse.cluster.KubeconfigException;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.cluster.ResourceCache;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.demo.DemoTrust;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A live cluster for the CLI: the same informer caches the GUI uses, read once they have listed.
 * The session stays open until the process ends (the CLI is short-lived).
 */
final class LiveClusterSource implements ClusterSource {
    static final Duration WAIT = Duration.ofSeconds(30);
    private final ClusterSourceOptions options;
    private final java.util.function.Consumer<ClusterSession> opened;

    LiveClusterSource(ClusterSourceOptions options) {
        this(options, session -> { });
    }

    /** @param opened receives the session once it is ready (for callers that keep watching it) */
    LiveClusterSource(ClusterSourceOptions options, java.util.function.Consumer<ClusterSession> opened) {
        this.options = options;
        this.opened = opened;
    }

    @Override
    public Opened open() {
        KubeconfigSource source;
        try {
            source = options.kubeconfig().isPresent() ? KubeconfigSource.fromFile(options.kubeconfig().get())
                    : KubeconfigSource.fromEnvironment();
        } catch (KubeconfigException e) {
            return new Unavailable(List.of(e.getMessage()));
        }
        String context = options.context().or(source::currentContext).orElse(null);
        if (context == null) {
            return new Unavailable(List.of(source.emptyReason().orElse("The kubeconfig names no current context: pass --context NAME")));
        }
        ClusterSession session;
        try {
            session = ClusterSession.open(source, context, NamespaceScope.all(), options.sessionSettings(),
                    Runnable::run);
        } catch (KubeconfigException | IllegalArgumentException e) {
            return new Unavailable(List.of(e.getMessage()));
        }
        CountDownLatch settled = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<String> throttled = new java.util.concurrent.atomic.AtomicReference<>();
        session.onStateChange(s -> {
            if (s instanceof ConnectionState.Throttled t) {
                throttled.compareAndSet(null, t.reason());
            }
            if (settled(session)) {
                settled.countDown();
            }
        });
        try {
            if (!settled(session) && !settled.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                return new Unavailable(List.of("Context " + context + " did not answer within " + WAIT.toSeconds() + " s"
                        + (throttled.get() == null ? "" : ": " + throttled.get())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable(List.of("Interrupted while reading context " + context));
        }
        if (session.state() instanceof ConnectionState.Unreachable u) {
            return new Unavailable(List.of("Context " + context + " is unreachable: " + u.reason()));
        }
        List<String> notes = new ArrayList<>();
        if (throttled.get() != null) {
            notes.add(throttled.get() + " (waited as its Retry-After asked)");
        }
        if (session.state() instanceof ConnectionState.Degraded d) {
            notes.addAll(d.problems());
        }
        opened.accept(session);
        var demoCa = DemoTrust.caOf(session);
        return new Ready(new SessionClusterView(session), notes,
                demoCa.isEmpty() ? java.util.Map.of() : java.util.Map.of(DemoTrust.ORIGIN, demoCa));
    }

    private static boolean settled(ClusterSession s) {
        if (s.state() instanceof ConnectionState.Unreachable) {
            return true;
        }
        if (s.state() instanceof ConnectionState.Connecting || s.state() instanceof ConnectionState.Throttled) {
            return false;
        }
        for (ResourceCache<?> cache : s.caches()) {
            if (cache.status() instanceof CacheStatus.Syncing) {
                return false;
            }
        }
        return true;
    }
}
