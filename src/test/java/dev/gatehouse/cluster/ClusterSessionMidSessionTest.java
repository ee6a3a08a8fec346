package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What changes while a session is connected: the token expires (401 from then on), or the user's
 * RBAC is narrowed (403 on a kind when it is listed again). Each is said in plain words.
 */
class ClusterSessionMidSessionTest {

    @TempDir
    Path dir;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private MockCluster serverOn(int port) throws Exception {
        MockCluster cluster = MockCluster.startOn(port);
        toClose.add(cluster);
        return cluster;
    }

    private ClusterSession open(int port) throws Exception {
        return open(port, Duration.ofMillis(200));
    }

    private ClusterSession open(int port, Duration healthCheck) throws Exception {
        Path kubeconfig = KubeconfigFiles.single(dir, "k.yaml", "mock", "http://localhost:" + port, "shop");
        SessionSettings settings = new SessionSettings(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMillis(100), healthCheck, 0);
        ClusterSession session = ClusterSession.open(KubeconfigSource.fromFile(kubeconfig), "mock",
                NamespaceScope.only("shop"), settings, Runnable::run);
        toClose.add(session);
        Await.until("connected", Duration.ofSeconds(30), () -> session.state() instanceof ConnectionState.Connected,
                session::toString);
        return session;
    }

    @Test
    void aTokenThatExpiresWhileConnectedIsSaidPlainly() throws Exception {
        int port = freePort();
        MockCluster cluster = serverOn(port);
        ClusterSession session = open(port);

        cluster.server().clearExpectations(); // the mock's own /version answer
        cluster.server().expect().get().withPath("/version")
                .andReturn(401, MockCluster.status(401, "Unauthorized", "Unauthorized")).always();

        Await.until("unreachable", () -> session.state() instanceof ConnectionState.Unreachable, session::toString);
        assertThat(((ConnectionState.Unreachable) session.state()).reason()).isEqualTo("the API server at http://localhost:"
                + port + " rejected the credentials of context 'mock' (401 Unauthorized): its token or client"
                + " certificate is not, or no longer, accepted; get fresh credentials and retry");
    }

    @Test
    void rbacRevokedWhileConnectedDegradesTheSessionNamingTheKindOnceTheWatchesStartAgain() throws Exception {
        int port = freePort();
        MockCluster cluster = serverOn(port);
        ClusterSession session = open(port);

        // the user's Role loses Secrets; the next listing (here Retry: new credentials, everything listed afresh)
        cluster.server().expect().get().withPath("/api/v1/namespaces/shop/secrets?resourceVersion=0")
                .andReturn(403, MockCluster.status(403, "Forbidden", "forbidden")).always();
        session.retry();

        Await.until("degraded", () -> session.state() instanceof ConnectionState.Degraded, session::toString);
        assertThat(((ConnectionState.Degraded) session.state()).problems())
                .containsExactly("permission to list Secrets in namespace shop was revoked");
        assertThat(session.ingresses().status()).isEqualTo(CacheStatus.READY);
    }

    /**
     * The watch ends (here: the API server restarts, as behind a load balancer) and fabric8 re-opens it by
     * itself; the server refuses the re-opened watch of Secrets with 403. fabric8 only logs that and keeps
     * re-opening: the session says it (no health check or listing runs in between).
     */
    @Test
    void aWatchRefusedWith403AfterItEndedSaysThePermissionWasRevoked() throws Exception {
        int port = freePort();
        MockCluster first = serverOn(port);
        ClusterSession session = open(port, Duration.ofMinutes(10));
        Await.until("five watches open", () -> first.requests().stream().filter(r -> r.contains("watch=true")).count() >= 5,
                () -> first.requests().toString());

        first.close();
        MockCluster again = MockCluster.startOn(port, c -> c.refuse(MockCluster.watchOf("secrets"), 403, "Forbidden"));
        toClose.add(again);

        Await.until("secrets forbidden", () -> session.secrets().status() instanceof CacheStatus.Forbidden, session::toString);
        assertThat(session.secrets().status())
                .isEqualTo(new CacheStatus.Forbidden("permission to watch Secrets in namespace shop was revoked"));
        Await.until("degraded", () -> session.state() instanceof ConnectionState.Degraded d
                && d.problems().equals(java.util.List.of("permission to watch Secrets in namespace shop was revoked")),
                session::toString);
        Await.until("ingresses watched again", () -> again.requestsMatching("GET /apis/networking.k8s.io/v1/namespaces/shop/ingresses?") > 0,
                () -> again.requests().toString());
        assertThat(session.ingresses().status()).isEqualTo(CacheStatus.READY);
    }

    /** The token expires while only watches run: the re-opened watch gets 401, and the session says so at once. */
    @Test
    void aWatchRefusedWith401SaysTheTokenExpired() throws Exception {
        int port = freePort();
        MockCluster first = serverOn(port);
        ClusterSession session = open(port, Duration.ofMinutes(10));
        Await.until("five watches open", () -> first.requests().stream().filter(r -> r.contains("watch=true")).count() >= 5,
                () -> first.requests().toString());

        first.close();
        MockCluster again = MockCluster.startOn(port, c -> c.refuse(MockCluster.watchOf("secrets"), 401, "Unauthorized"));
        toClose.add(again);

        // while the server restarts, "connection refused" may show for a moment
        Await.until("token expired", () -> session.state() instanceof ConnectionState.Unreachable u
                && u.reason().startsWith("the token expired"), session::toString);
        assertThat(((ConnectionState.Unreachable) session.state()).reason()).isEqualTo("the token expired; reconnect or"
                + " refresh credentials (the API server at http://localhost:" + port + " answered 401 Unauthorized to"
                + " the watch of Secrets for context 'mock')");
        assertThat(session.secrets().status()).isInstanceOf(CacheStatus.Failed.class);
    }
}
