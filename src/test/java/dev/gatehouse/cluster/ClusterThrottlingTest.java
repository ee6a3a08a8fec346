package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.VersionInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 429 Too Many Requests with Retry-After, from fabric8's mock API server in expectations mode: the session
 * says the server is throttling and when it tries again, waits as long as Retry-After asks, and connects
 * once the server answers. fabric8 8.0 alone would not wait for Retry-After (it schedules its retry with
 * its own backoff, see ResponseObserver).
 */
class ClusterThrottlingTest {

    @TempDir
    Path dir;
    private MockCluster cluster;
    private ClusterSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static SessionSettings settings(Duration requestTimeout) {
        return new SessionSettings(Duration.ofSeconds(1), requestTimeout, Duration.ofMillis(100),
                Duration.ofMinutes(10), 0);
    }

    private static VersionInfo version() throws Exception {
        return new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion(MockCluster.VERSION).build();
    }

    @Test
    void aRetryAfterLongerThanARequestMayWaitIsShownAndHonouredBeforeTheSessionConnects() throws Exception {
        cluster = MockCluster.start();
        cluster.server().clearExpectations();
        cluster.server().expect().get().withPath("/version")
                .andReturn(429, MockCluster.status(429, "TooManyRequests", "too many requests"))
                .withHeader("Retry-After", "2").times(2);
        cluster.server().expect().get().withPath("/version").andReturn(200, version()).always();

        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        List<Long> at = new CopyOnWriteArrayList<>();
        // a 2 s request timeout waits at most 1 s inside a request: Retry-After 2 ends the request
        session = ClusterSession.open(KubeconfigSource.fromFile(cluster.kubeconfig(dir)), "mock",
                NamespaceScope.only("shop"), settings(Duration.ofSeconds(2)), Runnable::run);
        session.onStateChange(s -> {
            states.add(s);
            at.add(System.nanoTime());
        });

        // the listener hears Connected a moment after session.state() says it: wait for what the listener heard
        Await.until("connected", Duration.ofSeconds(20), () -> indexOf(states, ConnectionState.Connected.class) >= 0,
                () -> session + " " + states);
        int throttled = indexOf(states, ConnectionState.Throttled.class);
        assertThat(throttled).as("states %s", states).isGreaterThanOrEqualTo(0);
        assertThat(((ConnectionState.Throttled) states.get(throttled)).reason())
                .matches("the API server is throttling requests; retrying in [12] s");
        int connected = indexOf(states, ConnectionState.Connected.class);
        // two answers of Retry-After 2: the third version request is sent 4 s after the first at the earliest
        assertThat(Duration.ofNanos(at.get(connected) - at.get(throttled))).isGreaterThan(Duration.ofMillis(3500));
        assertThat(cluster.requestsMatching("GET /version")).isEqualTo(3);
        assertThat(states).noneMatch(s -> s instanceof ConnectionState.Unreachable);
    }

    @Test
    void aShortRetryAfterIsWaitedInsideTheRequestAndTheListingSucceeds() throws Exception {
        cluster = MockCluster.start();
        cluster.server().expect().get().withPath("/api/v1/namespaces/shop/secrets?resourceVersion=0")
                .andReturn(429, MockCluster.status(429, "TooManyRequests", "too many requests"))
                .withHeader("Retry-After", "1").once();

        session = ClusterSession.open(KubeconfigSource.fromFile(cluster.kubeconfig(dir)), "mock",
                NamespaceScope.only("shop"), settings(Duration.ofSeconds(4)), Runnable::run);
        SessionSync.awaitSynced(session);

        assertThat(session.state()).isInstanceOf(ConnectionState.Connected.class);
        assertThat(session.secrets().status()).isEqualTo(CacheStatus.READY);
        assertThat(cluster.requestsMatching("GET /api/v1/namespaces/shop/secrets?resourceVersion=0")).isEqualTo(2);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADateAgainstTheServersDate() {
        assertThat(ResponseObserver.retryAfter("3", null)).isEqualTo(Duration.ofSeconds(3));
        assertThat(ResponseObserver.retryAfter("Wed, 02 Dec 2026 10:00:05 GMT", "Wed, 02 Dec 2026 10:00:00 GMT"))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(ResponseObserver.retryAfter("soon", null)).isEqualTo(ResponseObserver.DEFAULT_RETRY_AFTER);
        assertThat(ResponseObserver.retryAfter("99999999999", null)).isEqualTo(ResponseObserver.MAX_RETRY_AFTER);
        assertThat(ResponseObserver.retryAfter("Wed, 02 Dec 2026 09:00:00 GMT", "Wed, 02 Dec 2026 10:00:00 GMT"))
                .isEqualTo(Duration.ZERO);
    }

    private static int indexOf(List<ConnectionState> states, Class<?> type) {
        for (int i = 0; i < states.size(); i++) {
            if (type.isInstance(states.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
