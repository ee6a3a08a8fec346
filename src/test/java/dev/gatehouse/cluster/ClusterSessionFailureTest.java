package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures injected with the mock server's expectations (mixed mode: the rest is CRUD). */
class ClusterSessionFailureTest {

    private static final String INGRESS_WATCH_ALL = "/apis/networking.k8s.io/v1/ingresses"
            + "?allowWatchBookmarks=true&resourceVersion=0&timeoutSeconds=600&watch=true";

    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private MockCluster cluster() {
        MockCluster cluster = MockCluster.start();
        toClose.add(cluster);
        return cluster;
    }

    private ClusterSession open(Path kubeconfig, NamespaceScope scope, SessionSettings settings) throws Exception {
        ClusterSession session = ClusterSession.open(KubeconfigSource.fromFile(kubeconfig), "mock", scope,
                settings, Runnable::run);
        toClose.add(session);
        return session;
    }

    private ClusterSession open(MockCluster cluster, NamespaceScope scope) throws Exception {
        return open(cluster.kubeconfig(dir), scope, ClusterSessionCrudTest.FAST);
    }

    @Test
    void forbiddenSecretsInANamespaceDegradeTheSessionWithAPlainMessageAndTheRestWorks() throws Exception {
        MockCluster cluster = cluster();
        cluster.server().expect().get().withPath("/api/v1/namespaces/shop/secrets?resourceVersion=0")
                .andReturn(403, MockCluster.status(403, "Forbidden",
                        "secrets is forbidden: User \"dev\" cannot list resource \"secrets\""))
                .always();
        ClusterSession session = open(cluster, NamespaceScope.only("shop"));

        String message = "no permission to list secrets in namespace shop";
        Await.until("degraded", () -> session.state() instanceof ConnectionState.Degraded, session::toString);
        assertThat(session.state()).isEqualTo(new ConnectionState.Degraded(MockCluster.VERSION, List.of(message)));
        assertThat(session.secrets().status()).isEqualTo(new CacheStatus.Forbidden(message));
        assertThat(session.ingresses().status()).isEqualTo(CacheStatus.READY);
        assertThat(session.services().status()).isEqualTo(CacheStatus.READY);

        Recorder<Ingress> ingresses = Recorder.of();
        session.ingresses().addListener(ingresses);
        cluster.client().network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                .withNewMetadata().withName("still-works").endMetadata().build()).create();
        Await.until("ingress arrives", () -> ingresses.saw("add shop/still-works"));
        assertThat(session.state()).isInstanceOf(ConnectionState.Degraded.class);
    }

    @Test
    void aForbiddenWatchSaysWatch() throws Exception {
        MockCluster cluster = cluster();
        cluster.server().expect().get().withPath("/api/v1/namespaces/shop/secrets"
                        + "?allowWatchBookmarks=true&resourceVersion=0&timeoutSeconds=600&watch=true")
                .andReturn(403, MockCluster.status(403, "Forbidden", "forbidden")).always();
        ClusterSession session = open(cluster, NamespaceScope.only("shop"));

        Await.until("degraded", () -> session.state() instanceof ConnectionState.Degraded, session::toString);
        assertThat(session.secrets().status())
                .isEqualTo(new CacheStatus.Forbidden("no permission to watch secrets in namespace shop"));
    }

    @Test
    void forbiddenSecretsInAllNamespacesSaySo() throws Exception {
        MockCluster cluster = cluster();
        cluster.server().expect().get().withPath("/api/v1/secrets?resourceVersion=0")
                .andReturn(403, MockCluster.status(403, "Forbidden", "forbidden")).always();
        ClusterSession session = open(cluster, NamespaceScope.all());

        Await.until("degraded", () -> session.state() instanceof ConnectionState.Degraded, session::toString);
        assertThat(session.secrets().status())
                .isEqualTo(new CacheStatus.Forbidden("no permission to list secrets in any namespace"));
        assertThat(session.ingressClasses().status()).isEqualTo(CacheStatus.READY);
    }

    @Test
    void goneOnAWatchMakesTheInformerRelistAndRecover() throws Exception {
        MockCluster cluster = cluster();
        cluster.server().expect().get().withPath(INGRESS_WATCH_ALL)
                .andReturn(410, MockCluster.status(410, "Gone", "too old resource version: 0")).once();
        ClusterSession session = open(cluster, NamespaceScope.all());
        Recorder<Ingress> ingresses = Recorder.of();
        session.ingresses().addListener(ingresses);

        // list (resourceVersion=0), watch -> 410, then a fresh list and a new watch
        Await.until("relisted", () -> cluster.requests().contains("GET /apis/networking.k8s.io/v1/ingresses"),
                () -> cluster.requests().toString());
        Await.until("connected", () -> session.state() instanceof ConnectionState.Connected, session::toString);

        cluster.client().network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                .withNewMetadata().withName("after-gone").endMetadata().build()).create();
        Await.until("a later object still arrives", () -> ingresses.saw("add shop/after-gone"),
                () -> ingresses.events().toString());
        assertThat(session.ingresses().get("shop", "after-gone")).isPresent();
        assertThat(cluster.requests()).contains("GET " + INGRESS_WATCH_ALL, "GET /apis/networking.k8s.io/v1/ingresses");
        assertThat(ingresses.events()).noneMatch(e -> e.startsWith("status Failed"));
    }

    @Test
    void unreachableServerIsReportedWithTheReasonAndRetryConnectsOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String server = "http://localhost:" + port;
        Path kubeconfig = KubeconfigFiles.single(dir, "down.yaml", "mock", server, "shop");
        // no health check within the test: only retry() can bring it back
        SessionSettings settings = new SessionSettings(Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofMillis(100), Duration.ofMinutes(10), 0);

        ClusterSession session = open(kubeconfig, NamespaceScope.all(), settings);

        Await.until("unreachable", () -> session.state() instanceof ConnectionState.Unreachable, session::toString);
        assertThat(session.state())
                .isEqualTo(new ConnectionState.Unreachable("cannot reach " + server + ": connection refused"));
        assertThat(session.namespaces().get(5, TimeUnit.SECONDS)).containsExactly("shop");

        MockCluster cluster = MockCluster.startOn(port);
        toClose.add(cluster);
        cluster.client().network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                .withNewMetadata().withName("web").endMetadata().build()).create();

        session.retry();
        Await.until("connected after retry", () -> session.state() instanceof ConnectionState.Connected,
                session::toString);
        assertThat(session.ingresses().get("shop", "web")).isPresent();
    }

    @Test
    void rejectedCredentialsAreUnreachableWithAPlainReason() throws Exception {
        MockCluster cluster = cluster();
        cluster.server().clearExpectations(); // drops the mock's own /version answer
        cluster.server().expect().get().withPath("/version")
                .andReturn(401, MockCluster.status(401, "Unauthorized", "Unauthorized")).always();
        ClusterSession session = open(cluster, NamespaceScope.all());
        Await.until("unreachable", () -> session.state() instanceof ConnectionState.Unreachable, session::toString);
        assertThat(session.state())
                .isEqualTo(new ConnectionState.Unreachable("the API server at " + cluster.url() + " rejected the"
                        + " credentials of context 'mock' (401 Unauthorized): its token or client certificate is not,"
                        + " or no longer, accepted; get fresh credentials and retry"));
    }

    @Test
    void aSlowApiServerNeverBlocksAndEndsUpUnreachable() throws Exception {
        MockCluster cluster = cluster();
        cluster.server().clearExpectations(); // drops the mock's own /version answer
        cluster.server().expect().get().delay(3, TimeUnit.SECONDS).withPath("/version")
                .andReturn(200, "{}").always();
        SessionSettings settings = new SessionSettings(Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofMillis(100), Duration.ofMinutes(10), 0);

        long start = System.nanoTime();
        ClusterSession session = open(cluster.kubeconfig(dir), NamespaceScope.all(), settings);
        assertThat(session.state()).isEqualTo(new ConnectionState.Connecting());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2)); // server waits 3 s

        Await.until("unreachable", () -> session.state() instanceof ConnectionState.Unreachable, session::toString);
        assertThat(((ConnectionState.Unreachable) session.state()).reason())
                .isEqualTo("cannot reach " + cluster.url() + ": no answer in time");
        long closing = System.nanoTime();
        session.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(2));
    }
}
