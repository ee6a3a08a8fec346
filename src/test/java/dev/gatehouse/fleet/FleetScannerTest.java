package dev.gatehouse.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.MockCluster;
import dev.gatehouse.cluster.SessionSettings;
import dev.gatehouse.tls.TestCerts;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every context at once: certificates of all clusters in one list, each failing context isolated and named. */
class FleetScannerTest {

    @TempDir
    Path dir;
    private MockCluster prod;
    private MockCluster staging;
    private MockCluster locked;
    private KubeconfigSource kubeconfig;

    @BeforeEach
    void clusters() throws Exception {
        prod = MockCluster.start();
        staging = MockCluster.start();
        locked = MockCluster.start();
        prod.client().secrets().inNamespace("shop").resource(tls("shop", "web-tls", "shop.example.com", 5, true)).create();
        prod.client().secrets().inNamespace("shop").resource(tls("shop", "api-tls", "api.example.com", 200, false)).create();
        prod.client().secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("db")
                .withNamespace("shop").endMetadata().withType("Opaque").addToData("password", "c2VjcmV0").build()).create();
        prod.client().network().v1().ingresses().inNamespace("shop").resource(new IngressBuilder().withNewMetadata()
                .withName("web").withNamespace("shop").endMetadata().withNewSpec().addNewTl().withSecretName("web-tls")
                .withHosts("shop.example.com").endTl().endSpec().build()).create();
        staging.client().secrets().inNamespace("qa").resource(new SecretBuilder().withNewMetadata().withName("broken-tls")
                .withNamespace("qa").endMetadata().withType("kubernetes.io/tls")
                .addToData("tls.crt", Base64.getEncoder().encodeToString("not a certificate".getBytes(StandardCharsets.UTF_8)))
                .build()).create();
        locked.server().expect().get().withPath("/api/v1/secrets").andReturn(403, MockCluster.status(403, "Forbidden",
                "secrets is forbidden: User \"dev\" cannot list resource \"secrets\" at the cluster scope")).always();
        locked.server().expect().get().withPath("/api/v1/namespaces/shop/secrets").andReturn(403, MockCluster.status(403,
                "Forbidden", "secrets is forbidden: User \"dev\" cannot list resource \"secrets\" in namespace shop"))
                .always();
        Path file = Files.writeString(dir.resolve("fleet.yaml"), kubeconfig(List.of("prod", "staging", "locked", "gone"),
                List.of(prod.url(), staging.url(), locked.url(), "http://127.0.0.1:1")));
        kubeconfig = KubeconfigSource.fromFile(file);
    }

    @AfterEach
    void stop() {
        prod.close();
        staging.close();
        locked.close();
    }

    /** One kubeconfig with a context, cluster and user per name. */
    static String kubeconfig(List<String> names, List<String> servers) {
        StringBuilder contexts = new StringBuilder("contexts:\n");
        StringBuilder clusters = new StringBuilder("clusters:\n");
        StringBuilder users = new StringBuilder("users:\n");
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            contexts.append("- name: ").append(n).append("\n  context: {cluster: ").append(n).append(", user: ").append(n)
                    .append(", namespace: shop}\n");
            clusters.append("- name: ").append(n).append("\n  cluster: {server: \"").append(servers.get(i)).append("\"}\n");
            users.append("- name: ").append(n).append("\n  user: {token: tkn-fleet-secret}\n");
        }
        return "apiVersion: v1\nkind: Config\ncurrent-context: " + names.get(0) + "\n" + contexts + clusters + users;
    }

    private FleetReport scan(List<ContextScan> progress) {
        return new FleetScanner(kubeconfig, SessionSettings.defaults().withTimeout(Duration.ofSeconds(5)), TestCerts.CLOCK, 4)
                .scan(List.of("prod", "staging", "locked", "gone", "typo"), progress::add);
    }

    @Test
    void everyClusterInOneListSoonestFirstAndEachFailureIsolated() {
        List<ContextScan> progress = new CopyOnWriteArrayList<>();
        FleetReport report = scan(progress);

        assertThat(progress).hasSize(5);
        assertThat(report.certificates()).extracting(FleetCertificate::key)
                .containsExactly("prod/shop/web-tls", "prod/shop/api-tls", "staging/qa/broken-tls");
        FleetCertificate web = report.certificates().get(0);
        assertThat(web.daysLeft()).isEqualTo(5);
        assertThat(web.hosts()).containsExactly("shop.example.com");
        assertThat(web.usedBy()).containsExactly("shop/web");
        assertThat(web.certManager()).contains("web");
        assertThat(report.certificates().get(2).problem()).contains("tls.crt holds no certificate");
        assertThat(report.expiringWithin(30)).extracting(FleetCertificate::secret).containsExactly("web-tls");

        assertThat(report.failures()).extracting(ContextScan.Failed::context, ContextScan.Failed::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("locked", ContextScan.Reason.FORBIDDEN),
                        org.assertj.core.groups.Tuple.tuple("gone", ContextScan.Reason.UNREACHABLE),
                        org.assertj.core.groups.Tuple.tuple("typo", ContextScan.Reason.CONFIG));
        assertThat(report.failures().get(1).message()).contains("127.0.0.1:1").doesNotContain("Exception");
        assertThat(report.failures().get(2).message()).isEqualTo("the kubeconfig has no context 'typo'");
        assertThat(report.failures()).allSatisfy(f -> assertThat(f.message()).doesNotContain("tkn-fleet-secret"));
        int[] weeks = report.expiriesPerWeek(13);
        assertThat(weeks[0]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(weeks).sum()).isEqualTo(1);
    }

    @Test
    void aRescanWithTheSameCacheCountsDaysFromItsOwnNow() {
        CertificateCache cache = new CertificateCache();
        SessionSettings settings = SessionSettings.defaults().withTimeout(Duration.ofSeconds(5));
        FleetReport first = new FleetScanner(kubeconfig, settings, TestCerts.CLOCK, 4, cache).scan(List.of("prod"), s -> { });
        int kept = cache.size();
        java.time.Clock tenDaysLater = java.time.Clock.offset(TestCerts.CLOCK, Duration.ofDays(10));
        FleetReport later = new FleetScanner(kubeconfig, settings, tenDaysLater, 4, cache).scan(List.of("prod"), s -> { });

        assertThat(kept).isEqualTo(2);
        assertThat(cache.size()).as("nothing new to analyse").isEqualTo(2);
        FleetCertificate web = later.certificates().get(0);
        assertThat(web.secret()).isEqualTo("web-tls");
        assertThat(first.certificates().get(0).daysLeft()).isEqualTo(5);
        FleetReport fresh = new FleetScanner(kubeconfig, settings, tenDaysLater, 4).scan(List.of("prod"), s -> { });
        assertThat(later.certificates()).as("as a scan without the earlier analyses").isEqualTo(fresh.certificates());
        assertThat(web.daysLeft()).isNegative();
        assertThat(web.expiry()).contains(dev.gatehouse.tls.ExpiryStatus.EXPIRED);
        assertThat(later.expiringWithin(0)).extracting(FleetCertificate::secret).containsExactly("web-tls");
    }

    @Test
    void exportsAreWhatSpreadsheetsAndScrapersRead() {
        FleetReport report = scan(new CopyOnWriteArrayList<>());

        String csv = FleetExport.csv(report);
        assertThat(csv.lines().findFirst()).contains(String.join(",", FleetExport.COLUMNS));
        assertThat(csv).contains("prod,shop,web-tls,shop.example.com,shop.example.com,");
        String metrics = FleetExport.openMetrics(report);
        assertThat(metrics).contains("# TYPE x509_cert_not_after gauge",
                "x509_cert_expired{context=\"prod\",secret_namespace=\"shop\",secret_name=\"web-tls\"",
                "x509_source_up{context=\"gone\"} 0", "x509_source_up{context=\"prod\"} 1",
                "x509_source_errors{context=\"locked\",reason=\"forbidden\"} 1",
                "x509_read_errors{context=\"staging\",secret_namespace=\"qa\",secret_name=\"broken-tls\"")
                .endsWith("# EOF\n");
        assertThat(FleetExport.json(report)).contains("\"context\" : \"gone\"", "\"up\" : false",
                "\"reason\" : \"UNREACHABLE\"", "\"daysLeft\" : 5");
        assertThat(FleetExport.csvCell("=cmd()")).isEqualTo("'=cmd()");
        assertThat(FleetExport.csvCell("a,b")).isEqualTo("\"a,b\"");
    }

    private static Secret tls(String ns, String name, String host, long daysLeft, boolean certManager) {
        TestCerts.Issued leaf = TestCerts.cert(host).dns(host).daysLeft(daysLeft).issue();
        SecretBuilder b = new SecretBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.crt", Base64.getEncoder().encodeToString(TestCerts.pem(leaf.cert()).getBytes(StandardCharsets.US_ASCII)))
                .addToData("tls.key", Base64.getEncoder().encodeToString(TestCerts.pkcs8(leaf.key()).getBytes(StandardCharsets.US_ASCII)));
        if (certManager) {
            b.editMetadata().addToAnnotations("cert-manager.io/certificate-name", "web").endMetadata();
        }
        return b.build();
    }
}
