package dev.gatehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.CacheListener;
import dev.gatehouse.cluster.CacheStatus;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.ConnectionState;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.cluster.ResourceCache;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Opens a {@link ClusterSession} on a running demo cluster, as the GUI does, and waits until it is synced. */
public final class DemoSessions {

    private DemoSessions() {
    }

    /** A session on every namespace of the demo cluster, connected and with every cache listed. */
    public static ClusterSession openSynced(DemoCluster cluster, Duration timeout) throws Exception {
        ClusterSession session = ClusterSession.open(KubeconfigSource.fromFile(cluster.kubeconfig()),
                DemoCluster.CONTEXT, NamespaceScope.all(), Runnable::run);
        awaitSynced(session, timeout);
        return session;
    }

    /** Waits until the session is connected and every cache has listed. */
    public static void awaitSynced(ClusterSession session, Duration timeout) throws InterruptedException {
        CountDownLatch loaded = new CountDownLatch(1);
        Runnable check = () -> {
            if (session.state() instanceof ConnectionState.Connected
                    && session.caches().stream().allMatch(c -> c.status() instanceof CacheStatus.Ready)) {
                loaded.countDown();
            }
        };
        session.onStateChange(s -> check.run());
        for (ResourceCache<?> cache : session.caches()) {
            listenForStatus(cache, check);
        }
        check.run();
        assertThat(loaded.await(timeout.toSeconds(), TimeUnit.SECONDS))
                .as("demo cluster loaded: %s", session.state()).isTrue();
    }

    private static <T> void listenForStatus(ResourceCache<T> cache, Runnable check) {
        cache.addListener(new CacheListener<T>() {
            @Override
            public void onStatus(CacheStatus status) {
                check.run();
            }
        });
    }
}
