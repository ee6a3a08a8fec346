package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.app.AppDirs;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.MaterialReaders;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cert renew}, {@code cert restore}, {@code cert ca export} against the demo cluster. */
class CertRenewCommandTest {

    @TempDir
    static Path home;
    private static String previousHome;
    private static DemoCluster demo;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        previousHome = System.getProperty(AppDirs.HOME_PROPERTY);
        System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
        demo = DemoCluster.start(home.resolve("demo.kubeconfig"), AppClock.system());
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(demo.kubeconfig()))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        demo.close();
        if (previousHome == null) {
            System.clearProperty(AppDirs.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirs.HOME_PROPERTY, previousHome);
        }
    }

    private static CliRunner.Run cert(String... args) {
        return CliRunner.run(new CertCommand(), args);
    }

    private static Secret secret(String ns, String name) {
        return client.secrets().inNamespace(ns).withName(name).get();
    }

    private static CertificateInfo leaf(Secret s) {
        byte[] crt = Base64.getDecoder().decode(s.getData().get("tls.crt"));
        return CertificateInfo.of(MaterialReaders.read(crt, "tls.crt").chain().get(0), AppClock.system().instant()); // the clock the command uses
    }

    @Test
    void dryRunShowsTheChangeAndWritesNothing() {
        Secret before = secret("shop", "catalog-tls");

        CliRunner.Run run = cert("renew", "--kubeconfig", demo.kubeconfig().toString(), "--context", "gatehouse-demo",
                "--secret", "shop/catalog-tls", "--signer", "self", "--dry-run");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Renewing Secret shop/catalog-tls in context gatehouse-demo")
                .contains("tls.crt: changed", "tls.key: changed")
                .contains("Dry run: The API server accepts Secret shop/catalog-tls (dry run)")
                .contains("Nothing was written (--dry-run).")
                .doesNotContain("PRIVATE KEY");
        assertThat(secret("shop", "catalog-tls").getData()).isEqualTo(before.getData());
    }

    @Test
    void renewWithTheLocalCaThenRestoreTheBackup() throws Exception {
        Secret before = secret("payments", "invoices-tls");

        CliRunner.Run run = cert("renew", "--kubeconfig", demo.kubeconfig().toString(), "--context", "gatehouse-demo",
                "--secret", "payments/invoices-tls", "--days", "30", "--key", "rsa-2048");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Updated Secret payments/invoices-tls").contains("undo with: gatehouse cert restore");
        CertificateInfo renewed = leaf(secret("payments", "invoices-tls"));
        assertThat(renewed.issuer()).startsWith("CN=Gatehouse Local CA");
        assertThat(renewed.dnsNames()).containsExactly("invoices.demo.gatehouse.test");
        assertThat(renewed.key().toString()).isEqualTo("RSA 2048");
        assertThat(renewed.daysLeft()).isBetween(29L, 30L);

        String id = run.out().replaceAll("(?s).*Backup (\\S+);.*", "$1");
        CliRunner.Run restore = cert("restore", id, "--kubeconfig", demo.kubeconfig().toString(), "--context",
                "gatehouse-demo");

        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
        assertThat(secret("payments", "invoices-tls").getData()).isEqualTo(before.getData());
        assertThat(cert("backups").out()).contains("Secret payments/invoices-tls");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCertManagerSecretIsNotOverwrittenButItsCertificateCanBeRenewed() {
        Secret before = secret("platform", "grafana-tls");
        String[] args = {"renew", "--kubeconfig", demo.kubeconfig().toString(), "--context", "gatehouse-demo",
            "--secret", "platform/grafana-tls"};

        CliRunner.Run refused = cert(args);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("managed by cert-manager (Certificate platform/grafana)")
                .contains("--cert-manager");

        String[] viaCertManager = java.util.Arrays.copyOf(args, args.length + 1);
        viaCertManager[args.length] = "--cert-manager";
        CliRunner.Run renewed = cert(viaCertManager);
        assertThat(renewed.exitCode()).as(renewed.out() + renewed.err()).isZero();
        assertThat(renewed.out()).contains("cert-manager was asked to reissue Certificate platform/grafana");
        assertThat(secret("platform", "grafana-tls").getData()).isEqualTo(before.getData());
        GenericKubernetesResource crt = client.genericKubernetesResources("cert-manager.io/v1", "Certificate")
                .inNamespace("platform").withName("grafana").get();
        assertThat(((java.util.List<Map<String, Object>>) ((Map<String, Object>) crt.get("status")).get("conditions")))
                .anySatisfy(c -> assertThat(c).containsEntry("type", "Issuing").containsEntry("reason", "ManuallyTriggered"));
    }

    @Test
    void exportsTheLocalCaCertificate() throws Exception {
        Path out = home.resolve("exported/ca.pem");

        CliRunner.Run run = cert("ca", "export", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Local CA: CN=Gatehouse Local CA").contains("Exported its certificate to");
        assertThat(Files.readString(out)).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("KEY");
        assertThat(Files.getPosixFilePermissions(home.resolve("data/local-ca/ca.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anUnknownSecretIsBadInput() {
        CliRunner.Run run = cert("renew", "--kubeconfig", demo.kubeconfig().toString(), "--context", "gatehouse-demo",
                "--secret", "shop/nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Secret shop/nope does not exist in context gatehouse-demo");
    }
}
