package dev.gatehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How the demo API server lets a watch go: out of the event list at once, the slow part elsewhere. */
class WatchCloseOffLoopTest {

    @Test
    void theMockServersWatchListIsReachable() {
        KubernetesMixedDispatcher dispatcher = new KubernetesMixedDispatcher(new HashMap<>());
        assertThat(WatchListenerRegistry.of(dispatcher).reachable())
                .as("fabric8's private watch list (check after upgrading fabric8)").isTrue();
        dispatcher.shutdown();
    }

    @Test
    void aClosedWatchLeavesTheListAtOnceAndItsCloseHandlingRunsOnAnotherThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Thread> closedOn = new AtomicReference<>();
        WebSocketListener slowToClose = new WebSocketListener() {
            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                closedOn.set(Thread.currentThread());
                try {
                    release.await(30, TimeUnit.SECONDS); // fabric8 waits for its event sender here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closed.countDown();
            }
        };
        Set<WebSocketListener> open = new CopyOnWriteArraySet<>(Set.of(slowToClose));
        ExecutorService closer = Executors.newCachedThreadPool();
        try {
            new WatchCloseOffLoop(slowToClose, closer, WatchListenerRegistry.over(open)).onClosed(null, 1000, "bye");
            assertThat(open).as("no more events for it").isEmpty();
            assertThat(closed.getCount()).as("the caller did not wait for the close handling").isEqualTo(1);
            release.countDown();
            assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(closedOn.get()).isNotSameAs(Thread.currentThread());
        } finally {
            closer.shutdownNow();
        }
    }

    @Test
    void closesAfterTheServerStoppedItsCloserStillDoNotRunOnTheCallersThread() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Thread> closedOn = new AtomicReference<>();
        WebSocketListener watch = new WebSocketListener() {
            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                closedOn.set(Thread.currentThread());
                closed.countDown();
            }
        };
        ExecutorService stopped = Executors.newCachedThreadPool();
        stopped.shutdown();
        new WatchCloseOffLoop(watch, stopped, WatchListenerRegistry.over(new CopyOnWriteArraySet<>())).onClosed(null,
                1000, "bye");
        assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(closedOn.get()).isNotSameAs(Thread.currentThread());
    }
}
