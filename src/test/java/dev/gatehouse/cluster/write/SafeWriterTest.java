package dev.gatehouse.cluster.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.MockCluster;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.tls.TestCerts;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeWriterTest {
    @TempDir
    Path dir;
    private MockCluster cluster;
    private KubernetesClient client;
    private SafeWriter writer;

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
        client = cluster.client();
        writer = new SafeWriter(client, new BackupStore(dir.resolve("backups")), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void createsANewIngressAndUndoRemovesIt() {
        WriteResult r = writer.apply(ingress("web", "a.example.com"), Optional.empty(), "new draft");
        assertThat(r).isInstanceOf(WriteResult.Written.class);
        assertThat(r.message()).isEqualTo("Created Ingress shop/web");
        assertThat(client.network().v1().ingresses().inNamespace("shop").withName("web").get()).isNotNull();

        WriteResult undo = writer.restore(((WriteResult.Written) r).backup());
        assertThat(undo).isInstanceOf(WriteResult.Written.class);
        assertThat(client.network().v1().ingresses().inNamespace("shop").withName("web").get()).isNull();
    }

    @Test
    void updatesOnlyWhatItWasBasedOnAndUndoRestoresTheOldObjectExactly() {
        Ingress live = client.network().v1().ingresses().inNamespace("shop").resource(ingress("web", "a.example.com")).create();
        String before = ObjectYaml.forDiff(live);
        Ingress changed = new IngressBuilder(live).editSpec().editFirstRule().withHost("b.example.com").endRule().endSpec().build();
        assertThat(YamlDiff.render(writer.diff(changed))).contains("-   - host: \"a.example.com\"", "+   - host: \"b.example.com\"")
                .doesNotContain("resourceVersion");

        WriteResult r = writer.apply(changed, Optional.of(live.getMetadata().getResourceVersion()), "draft shop/web");
        assertThat(r).isInstanceOf(WriteResult.Written.class);
        assertThat(host()).isEqualTo("b.example.com");
        assertThat(writer.backups().list()).hasSize(1);

        writer.restore(((WriteResult.Written) r).backup());
        assertThat(ObjectYaml.forDiff(client.network().v1().ingresses().inNamespace("shop").withName("web").get()))
                .isEqualTo(before);
    }

    @Test
    void aConcurrentChangeIsAConflictAndNothingIsOverwritten() {
        Ingress live = client.network().v1().ingresses().inNamespace("shop").resource(ingress("web", "a.example.com")).create();
        String base = live.getMetadata().getResourceVersion();
        client.network().v1().ingresses().inNamespace("shop").withName("web")
                .edit(i -> new IngressBuilder(i).editSpec().editFirstRule().withHost("someone-else.example.com").endRule().endSpec().build());
        Ingress mine = new IngressBuilder(live).editSpec().editFirstRule().withHost("mine.example.com").endRule().endSpec().build();

        WriteResult r = writer.apply(mine, Optional.of(base), "draft");
        assertThat(r).isInstanceOf(WriteResult.Conflict.class);
        assertThat(r.message()).contains("changed in the cluster");
        assertThat(((WriteResult.Conflict) r).live()).isPresent();
        assertThat(host()).isEqualTo("someone-else.example.com");
        assertThat(writer.backups().list()).isEmpty();

        assertThat(writer.apply(ingress("web", "x"), Optional.empty(), "new")).isInstanceOf(WriteResult.Conflict.class);
    }

    @Test
    void deletionIsBackedUpAndUndoBringsItBack() {
        Ingress live = client.network().v1().ingresses().inNamespace("shop").resource(ingress("web", "a.example.com")).create();
        WriteResult r = writer.delete(live, "delete from Gatehouse");
        assertThat(r.message()).isEqualTo("Deleted Ingress shop/web");
        assertThat(client.network().v1().ingresses().inNamespace("shop").withName("web").get()).isNull();
        writer.restore(((WriteResult.Written) r).backup());
        assertThat(host()).isEqualTo("a.example.com");
        Ingress stale = new IngressBuilder(live).build();
        client.network().v1().ingresses().inNamespace("shop").withName("web")
                .edit(i -> new IngressBuilder(i).editMetadata().addToLabels("x", "y").endMetadata().build());
        assertThat(writer.delete(stale, "delete")).isInstanceOf(WriteResult.Conflict.class);
        assertThat(client.network().v1().ingresses().inNamespace("shop").withName("web").get()).isNotNull();
    }

    @Test
    void secretDiffsNeverShowValuesAndBackupsArePrivate() throws Exception {
        var s = client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("tls")
                .withNamespace("shop").endMetadata().withType("kubernetes.io/tls").withData(Map.of(
                        "tls.crt", b64("CERT-ONE"), "tls.key", b64("KEY-ONE-SECRET"))).build()).create();
        var changed = new SecretBuilder(s).withData(Map.of("tls.crt", b64("CERT-TWO"), "tls.key", b64("KEY-ONE-SECRET"))).build();
        String diff = YamlDiff.render(writer.diff(changed));
        assertThat(diff).doesNotContain("KEY-ONE-SECRET", b64("KEY-ONE-SECRET"), "CERT-TWO").contains("sha256");
        assertThat(diff.lines().filter(l -> l.startsWith("+") || l.startsWith("-"))).allMatch(l -> l.contains("tls.crt"));

        WriteResult r = writer.apply(changed, Optional.of(s.getMetadata().getResourceVersion()), "renew");
        Path backupDir = dir.resolve("backups").resolve(((WriteResult.Written) r).backup().id());
        assertThat(Files.getPosixFilePermissions(backupDir.resolve("object.yaml")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void dryRunAgainstTheDemoClusterValidatesWithoutStoring() throws Exception {
        try (DemoCluster demo = DemoCluster.start(dir.resolve("demo/kubeconfig"), TestCerts.CLOCK);
             KubernetesClient demoClient = new KubernetesClientBuilder()
                     .withConfig(Config.fromKubeconfig(Files.readString(demo.kubeconfig()))).build()) {
            SafeWriter w = new SafeWriter(demoClient, new BackupStore(dir.resolve("b2")), Clock.systemUTC());
            WriteResult r = w.dryRun(ingress("dry", "dry.example.com"), Optional.empty());
            assertThat(r).isInstanceOf(WriteResult.Validated.class);
            assertThat(demoClient.network().v1().ingresses().inNamespace("shop").withName("dry").get()).isNull();
        }
    }

    private String host() {
        return client.network().v1().ingresses().inNamespace("shop").withName("web").get().getSpec().getRules().get(0).getHost();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes());
    }

    private static Ingress ingress(String name, String host) {
        return new IngressBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withIngressClassName("nginx").addNewRule().withHost(host).withNewHttp().addNewPath()
                .withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName(name)
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath().endHttp().endRule()
                .endSpec().build();
    }
}
