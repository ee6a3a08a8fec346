package dev.gatehouse.cluster.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.MockCluster;
import dev.gatehouse.tls.TestCerts;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing certificates into TLS Secrets through the shared safe write path, against the mock API server. */
class TlsSecretWriterTest {

    @TempDir
    Path dir;
    private MockCluster cluster;
    private KubernetesClient client;
    private TlsSecretWriter writer;
    private final TestCerts.Issued oldLeaf = TestCerts.cert("shop.example.com").dns("shop.example.com").issue();
    private final TestCerts.Issued newLeaf = TestCerts.cert("shop.example.com").dns("shop.example.com").issue();

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
        client = cluster.client();
        writer = new TlsSecretWriter(new SafeWriter(client, new BackupStore(dir.resolve("backups")), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }

    private Secret existing(Map<String, String> annotations) {
        return client.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("shop-tls")
                .withNamespace("shop").withLabels(Map.of("app", "shop")).withAnnotations(annotations).endMetadata()
                .withType("kubernetes.io/tls").withData(Map.of("tls.crt", b64(TestCerts.pem(oldLeaf.cert())),
                        "tls.key", b64(TestCerts.pkcs8(oldLeaf.key())), "ca.crt", b64("a CA"))).build()).create();
    }

    private Secret read() {
        return client.secrets().inNamespace("shop").withName("shop-tls").get();
    }

    private String newCrt() {
        return TestCerts.pem(newLeaf.cert());
    }

    private String newKey() {
        return TestCerts.pkcs8(newLeaf.key());
    }

    @Test
    void importCreatesTheSecret() {
        TlsSecretWriter.Prepared p = writer.prepare("shop", "shop-tls", newCrt(), Optional.of(newKey()));

        assertThat(p.change().summary()).containsExactly("Creates Secret shop/shop-tls (type kubernetes.io/tls)",
                "tls.crt: new", "tls.key: new");
        WriteResult r = writer.apply(p, "import");

        assertThat(r).isInstanceOf(WriteResult.Written.class);
        assertThat(read().getType()).isEqualTo("kubernetes.io/tls");
        assertThat(new String(Base64.getDecoder().decode(read().getData().get("tls.key")), StandardCharsets.US_ASCII))
                .isEqualTo(newKey());
    }

    @Test
    void renewReplacesCertificateAndKeyKeepsTheRestAndBacksUpFirst() throws Exception {
        Secret before = existing(Map.of());

        TlsSecretWriter.Prepared p = writer.prepare("shop", "shop-tls", newCrt(), Optional.of(newKey()));
        assertThat(p.dryRun()).as(p.dryRun().message()).isInstanceOf(WriteResult.Validated.class);
        assertThat(read().getData()).as("the dry run stored nothing").isEqualTo(before.getData());
        assertThat(p.change().summary()).containsExactly("Replaces the certificate in Secret shop/shop-tls",
                "tls.crt: changed", "tls.key: changed", "Keeps ca.crt as it is");
        String diff = YamlDiff.render(p.diff());
        assertThat(diff).contains("+   tls.key: changed (value not shown)", "    ca.crt: unchanged (value not shown)")
                .doesNotContain("sha256").doesNotContain(newKey()).doesNotContain(b64(newKey()))
                .doesNotContain(b64(TestCerts.pkcs8(oldLeaf.key())));

        WriteResult r = writer.apply(p, "renew shop/shop-tls");

        assertThat(r).isInstanceOf(WriteResult.Written.class);
        Secret after = read();
        assertThat(after.getData()).containsEntry("tls.crt", b64(newCrt())).containsEntry("ca.crt", b64("a CA"));
        assertThat(after.getMetadata().getLabels()).containsEntry("app", "shop");
        Backup backup = ((WriteResult.Written) r).backup();
        assertThat(backup.yaml()).get().asString().contains(before.getData().get("tls.key"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("backups").resolve(backup.id()).resolve("object.yaml")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void keepingTheKeyIsShownAsUnchanged() {
        existing(Map.of());

        TlsSecretWriter.Prepared p = writer.prepare("shop", "shop-tls", newCrt(), Optional.of(TestCerts.pkcs8(oldLeaf.key())));

        assertThat(p.change().summary()).contains("tls.crt: changed", "tls.key: unchanged");
    }

    @Test
    void aConcurrentModificationIsAConflictAndNothingIsOverwritten() {
        existing(Map.of());
        TlsSecretWriter.Prepared p = writer.prepare("shop", "shop-tls", newCrt(), Optional.of(newKey()));
        client.secrets().inNamespace("shop").withName("shop-tls").edit(s -> new SecretBuilder(s)
                .addToData("tls.crt", b64("someone else's certificate")).build());

        WriteResult r = writer.apply(p, "renew");

        assertThat(r).isInstanceOf(WriteResult.Conflict.class);
        assertThat(r.message()).contains("changed in the cluster");
        assertThat(read().getData()).containsEntry("tls.crt", b64("someone else's certificate"));
        assertThat(writer.safeWriter().backups().list()).isEmpty();
    }

    @Test
    void aConflictAnsweredByTheServerIsTypedToo() {
        existing(Map.of());
        TlsSecretWriter.Prepared p = writer.prepare("shop", "shop-tls", newCrt(), Optional.of(newKey()));
        cluster.server().expect().put().withPath("/api/v1/namespaces/shop/secrets/shop-tls")
                .andReturn(409, MockCluster.status(409, "Conflict", "the object has been modified")).once();

        WriteResult r = writer.apply(p, "renew");

        assertThat(r).isInstanceOf(WriteResult.Conflict.class);
        assertThat(r.message()).isEqualTo("Secret shop/shop-tls changed in the cluster meanwhile: nothing was overwritten");
        assertThat(read().getData()).containsEntry("tls.crt", b64(TestCerts.pem(oldLeaf.cert())));
    }

    @Test
    void noPermissionIsAPlainRejection() {
        existing(Map.of());
        cluster.server().expect().put().withPath("/api/v1/namespaces/shop/secrets/shop-tls")
                .andReturn(403, MockCluster.status(403, "Forbidden", "secrets \"shop-tls\" is forbidden")).always();
        TlsSecretWriter.Prepared p = writer.prepare("shop", "shop-tls", newCrt(), Optional.of(newKey()));

        WriteResult r = writer.apply(p, "renew");

        assertThat(r).isInstanceOf(WriteResult.Rejected.class);
        assertThat(r.message()).startsWith("No permission to write Secret shop/shop-tls");
        assertThat(read().getData()).containsEntry("tls.crt", b64(TestCerts.pem(oldLeaf.cert())));
    }

    @Test
    void undoRestoresTheSecretByteForByte() {
        Secret before = existing(Map.of("team", "web"));
        WriteResult r = writer.apply(writer.prepare("shop", "shop-tls", newCrt(), Optional.of(newKey())), "renew");

        WriteResult undo = writer.safeWriter().restore(((WriteResult.Written) r).backup());

        assertThat(undo).isInstanceOf(WriteResult.Written.class);
        Secret after = read();
        assertThat(after.getData()).isEqualTo(before.getData());
        assertThat(after.getType()).isEqualTo(before.getType());
        assertThat(after.getMetadata().getLabels()).isEqualTo(before.getMetadata().getLabels());
        assertThat(after.getMetadata().getAnnotations()).isEqualTo(before.getMetadata().getAnnotations());
    }

    @Test
    void aSecretOwnedByCertManagerIsNeverOverwritten() {
        existing(Map.of(TlsSecretChange.CERT_MANAGER_ANNOTATION, "shop"));

        TlsSecretWriter.Prepared p = writer.prepare("shop", "shop-tls", newCrt(), Optional.of(newKey()));

        assertThat(p.writable()).isFalse();
        assertThat(p.refusal()).get().asString().startsWith("Secret shop/shop-tls is managed by cert-manager"
                + " (Certificate shop/shop)");
        assertThat(writer.apply(p, "renew")).isInstanceOf(WriteResult.Rejected.class);
        assertThat(read().getData()).containsEntry("tls.crt", b64(TestCerts.pem(oldLeaf.cert())));
        assertThat(cluster.requests()).noneMatch(req -> req.startsWith("PUT"));
    }
}
