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

import static org.assertj.core.api.Assertions.assertThat;

/** The API server goes away and comes back. */
class ClusterSessionRecoveryTest {

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

    private MockCluster serverOn(int port, String... ingresses) throws Exception {
        MockCluster cluster = MockCluster.startOn(port);
        toClose.add(cluster);
        for (String name : ingresses) {
            cluster.client().network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                    .withNewMetadata().withName(name).endMetadata().build()).create();
        }
        return cluster;
    }

    private ClusterSession open(int port, Duration healthCheck) throws Exception {
        Path kubeconfig = KubeconfigFiles.single(dir, "k.yaml", "mock", "http://localhost:" + port, "shop");
        SessionSettings settings = new SessionSettings(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofMillis(100), healthCheck, 0);
        ClusterSession session = ClusterSession.open(KubeconfigSource.fromFile(kubeconfig), "mock",
                NamespaceScope.all(), settings, Runnable::run);
        toClose.add(session);
        return session;
    }

    @Test
    void anOutageIsShownAndTheWatchesComeBackByThemselves() throws Exception {
        int port = freePort();
        MockCluster first = serverOn(port, "web");
        ClusterSession session = open(port, Duration.ofMillis(200));
        Await.until("connected", () -> session.state() instanceof ConnectionState.Connected, session::toString);

        first.close();
        Await.until("unreachable", () -> session.state() instanceof ConnectionState.Unreachable, session::toString);
        assertThat(((ConnectionState.Unreachable) session.state()).reason())
                .startsWith("cannot reach http://localhost:" + port);
        assertThat(session.ingresses().get("shop", "web")).as("the last known content stays").isPresent();

        MockCluster second = serverOn(port, "web");
        Recorder<Ingress> events = Recorder.of();
        session.ingresses().addListener(events);
        Await.until("connected again", Duration.ofSeconds(40),
                () -> session.state() instanceof ConnectionState.Connected, session::toString);
        second.client().network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                .withNewMetadata().withName("new-after-outage").endMetadata().build()).create();
        Await.until("watch delivers again", Duration.ofSeconds(40), () -> events.saw("add shop/new-after-outage"),
                () -> events.events().toString());
    }

    @Test
    void aServerThatComesUpLaterIsPickedUpWithoutRetry() throws Exception {
        int port = freePort();
        ClusterSession session = open(port, Duration.ofMillis(200));
        Await.until("unreachable", () -> session.state() instanceof ConnectionState.Unreachable, session::toString);

        serverOn(port, "web");
        Await.until("connected", () -> session.state() instanceof ConnectionState.Connected, session::toString);
        assertThat(session.ingresses().get("shop", "web")).isPresent();
    }

    @Test
    void retryKeepsTheCachesFilledAndReportsOnlyWhatChanged() throws Exception {
        int port = freePort();
        MockCluster first = serverOn(port, "stays", "goes");
        ClusterSession session = open(port, Duration.ofMinutes(10));
        Await.until("connected", () -> session.state() instanceof ConnectionState.Connected, session::toString);
        Recorder<Ingress> events = Recorder.of();
        session.ingresses().addListener(events);

        first.close();
        serverOn(port, "stays", "comes"); // a rebuilt cluster: same "stays", "goes" gone, "comes" new
        session.retry();
        assertThat(session.ingresses().list()).as("content kept while reconnecting").hasSizeGreaterThanOrEqualTo(2);
        Await.until("connected", () -> session.state() instanceof ConnectionState.Connected
                && events.saw("delete shop/goes"), () -> session + " " + events.events());

        assertThat(session.ingresses().list()).extracting(i -> i.getMetadata().getName())
                .containsExactlyInAnyOrder("stays", "comes");
        assertThat(events.events()).contains("add shop/comes", "delete shop/goes")
                .doesNotContain("delete shop/stays");
    }
}
