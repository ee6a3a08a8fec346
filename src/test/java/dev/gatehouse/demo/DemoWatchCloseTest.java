package dev.gatehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.cluster.SessionSync;
import dev.gatehouse.tls.TestCerts;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching namespace closes a session's watches while the demo API server may be sending them events.
 * The server must keep answering: fabric8's mock used to block its only event loop on such a close, and
 * the next write (an import right after switching, say) timed out.
 */
class DemoWatchCloseTest {

    @TempDir
    Path dir;

    @Test
    void writesRightAfterSwitchingNamespaceAreAnswered() throws Exception {
        Path kubeconfig = dir.resolve("demo.kubeconfig");
        try (DemoCluster cluster = DemoCluster.start(kubeconfig, TestCerts.CLOCK)) {
            KubeconfigSource source = KubeconfigSource.fromFile(kubeconfig);
            ClusterSession current = synced(source, NamespaceScope.all());
            for (int round = 0; round < 4; round++) {
                ClusterSession next = ClusterSession.open(source, DemoCluster.CONTEXT,
                        round % 2 == 0 ? NamespaceScope.only("shop") : NamespaceScope.all(), Runnable::run);
                current.close();
                try (KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
                    Secret created = client.secrets().inNamespace("shop").resource(new SecretBuilder()
                            .withNewMetadata().withName("after-switch-" + round).endMetadata()
                            .addToStringData("k", "v").build()).create();
                    assertThat(created.getMetadata().getResourceVersion()).as("round %d", round).isNotBlank();
                }
                current = next;
                SessionSync.awaitSynced(current, Duration.ofSeconds(30));
            }
            current.close();
        }
    }

    private static ClusterSession synced(KubeconfigSource source, NamespaceScope scope) throws Exception {
        ClusterSession session = ClusterSession.open(source, DemoCluster.CONTEXT, scope, Runnable::run);
        SessionSync.awaitSynced(session, Duration.ofSeconds(30));
        return session;
    }
}
