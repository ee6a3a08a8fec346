package dev.gatehouse.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Waits until a session is synced: connected, and every cache has listed and is watching. Tests wait on
 * this (listeners and a latch, no sleeping) before they read what the session holds.
 */
public final class SessionSync {
    /** Long enough for the demo cluster on a loaded machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(60);

    private SessionSync() {
    }

    public static boolean isSynced(ClusterSession session) {
        return session.state() instanceof ConnectionState.Connected
                && session.caches().stream().allMatch(c -> c.status() instanceof CacheStatus.Ready
                || c.status() instanceof CacheStatus.NotServed);
    }

    public static void awaitSynced(ClusterSession session) {
        awaitSynced(session, DEFAULT);
    }

    public static void awaitSynced(ClusterSession session, Duration timeout) {
        CountDownLatch synced = new CountDownLatch(1);
        Runnable check = () -> {
            if (isSynced(session)) {
                synced.countDown();
            }
        };
        List<Subscription> subscriptions = new ArrayList<>();
        subscriptions.add(session.onStateChange(state -> check.run()));
        for (ResourceCache<?> cache : session.caches()) {
            subscriptions.add(cache.onChange(check));
        }
        try {
            check.run();
            if (!synced.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("session not synced after " + timeout.toSeconds() + " s: " + describe(session));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the session to sync: " + describe(session), e);
        } finally {
            subscriptions.forEach(Subscription::cancel);
        }
    }

    private static String describe(ClusterSession session) {
        return session.state() + ", caches " + session.caches().stream().map(c -> String.valueOf(c.status()))
                .collect(Collectors.joining(", "));
    }
}
