package dev.gatehouse.cluster.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.MockCluster;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose answer never comes (the API server stalls past the timeout): the writer asks the cluster
 * again and says what it found — not changed (and that a slow server may still apply it), or changed —
 * and the backup taken before the write is there either way.
 */
class InterruptedWriteTest {

    private static final String INGRESS = "/apis/networking.k8s.io/v1/namespaces/shop/ingresses/web";

    @TempDir
    Path dir;
    private MockCluster cluster;
    private KubernetesClient impatient;
    private SafeWriter writer;

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
        impatient = new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.client().getConfiguration())
                .withRequestTimeout(1000).withRequestRetryBackoffLimit(0).build()).build();
        writer = new SafeWriter(impatient, new BackupStore(dir.resolve("backups")),
                Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        impatient.close();
        cluster.close();
    }

    private Ingress live() {
        return cluster.client().network().v1().ingresses().inNamespace("shop").withName("web").get();
    }

    private Ingress created() {
        return cluster.client().network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder()
                .withNewMetadata().withName("web").withNamespace("shop").endMetadata().withNewSpec()
                .addNewRule().withHost("a.example.com").endRule().endSpec().build()).create();
    }

    private static Ingress withHost(Ingress base, String host) {
        return new IngressBuilder(base).editSpec().editFirstRule().withHost(host).endRule().endSpec().build();
    }

    @Test
    void aStalledWriteThatDidNotLandSaysSoAndKeepsTheBackup() {
        Ingress base = created();
        cluster.server().expect().put().delay(3, TimeUnit.SECONDS).withPath(INGRESS).andReturn(200, base).once();

        WriteResult r = writer.apply(withHost(base, "b.example.com"), Optional.of(base.getMetadata().getResourceVersion()),
                "draft shop/web");

        assertThat(r).isInstanceOf(WriteResult.Rejected.class);
        assertThat(r.message()).startsWith("The API server did not confirm the write of Ingress shop/web and still"
                + " shows the version before it").contains("may still apply it").contains("Undo restores it");
        assertThat(live().getSpec().getRules().get(0).getHost()).isEqualTo("a.example.com");
        assertThat(writer.backups().list()).singleElement().satisfies(b -> {
            assertThat(r.message()).contains(b.id());
            assertThat(b.yaml()).hasValueSatisfying(y -> assertThat(y).contains("a.example.com"));
        });
    }

    @Test
    void aStalledWriteAfterWhichTheClusterShowsANewVersionIsReportedAsWrittenWithThatVersion() throws Exception {
        Ingress base = created();
        cluster.server().expect().put().delay(3, TimeUnit.SECONDS).withPath(INGRESS).andReturn(200, base).once();
        // The change lands while the writer waits for the answer that never comes (as when the API server
        // applied it and the connection broke before the answer).
        Thread lands = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (cluster.requests().stream().noneMatch(r -> r.startsWith("PUT " + INGRESS))
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            cluster.client().network().v1().ingresses().inNamespace("shop").withName("web")
                    .edit(i -> withHost(i, "b.example.com"));
        });
        lands.start();

        WriteResult r = writer.apply(withHost(base, "b.example.com"), Optional.of(base.getMetadata().getResourceVersion()),
                "draft shop/web");
        lands.join();

        assertThat(r).isInstanceOf(WriteResult.Written.class);
        assertThat(r.message()).isEqualTo("Updated Ingress shop/web (the API server's answer was lost; the cluster now"
                + " shows resourceVersion " + live().getMetadata().getResourceVersion() + ")");
        assertThat(writer.backups().list()).hasSize(1);
    }

    /**
     * The API server is killed while the write waits for its answer: asking again fails too, so the writer
     * says that it is not known whether the change landed, and the backup of the state before is there.
     */
    @Test
    void anApiServerKilledMidWriteIsReportedAsUnknownWithTheBackupKept() throws Exception {
        Ingress base = created();
        cluster.server().expect().put().delay(3, TimeUnit.SECONDS).withPath(INGRESS).andReturn(200, base).once();
        Thread kill = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (cluster.requests().stream().noneMatch(r -> r.startsWith("PUT " + INGRESS))
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            cluster.close();
        });
        kill.start();

        WriteResult r = writer.apply(withHost(base, "b.example.com"), Optional.of(base.getMetadata().getResourceVersion()),
                "draft shop/web");
        kill.join();

        assertThat(r).isInstanceOf(WriteResult.Rejected.class);
        assertThat(r.message()).startsWith("The connection to the API server failed while writing Ingress shop/web: it"
                + " is not known whether the change was applied").contains("Undo restores it");
        assertThat(writer.backups().list()).singleElement().satisfies(b -> {
            assertThat(r.message()).contains(b.id());
            assertThat(b.yaml()).hasValueSatisfying(y -> assertThat(y).contains("a.example.com"));
        });
    }
}
