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
        Path kubeconfig = KubeconfigFiles.single(dir, "k.yaml", "mock", "http://localhost:" + port, "shop");
        SessionSettings settings = new SessionSettings(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMillis(100), Duration.ofMillis(200), 0);
        ClusterSession session = ClusterSession.open(KubeconfigSource.fromFile(kubeconfig), "mock",
                NamespaceScope.only("shop"), settings, Runnable::run);
        toClose.add(session);
        Await.until("connected", () -> session.state() instanceof ConnectionState.Connected, session::toString);
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
                .containsExactly("no permission to list secrets in namespace shop");
        assertThat(session.ingresses().status()).isEqualTo(CacheStatus.READY);
    }
}
