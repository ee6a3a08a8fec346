package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.demo.DemoCluster;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse fleet} over the demo cluster and an unreachable context, in process and as a process for cron. */
class FleetCommandTest {

    @TempDir
    static Path dir;
    private static DemoCluster demo;
    private static Path gone;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoCluster.start(dir.resolve("demo.kubeconfig"), AppClock.system());
        gone = Files.writeString(dir.resolve("gone.yaml"), """
                apiVersion: v1
                kind: Config
                contexts: [{name: gone, context: {cluster: gone, user: gone}}]
                clusters: [{name: gone, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: gone, user: {token: tkn-never-printed}}]
                """);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void theDemosCertificatesSoonestFirstAndItsExitCodeForCron() {
        CliRunner.Run run = CliRunner.run(new FleetCommand(), "--kubeconfig", demo.kubeconfig().toString(), "--days", "30");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("context gatehouse-demo: ", "TLS certificates", "expire within 30 days:",
                "EXPIRED 12 days ago  gatehouse-demo/shop/catalog-tls", "gatehouse-demo/platform/docs-tls",
                "(cert-manager docs)");
        assertThat(run.out().indexOf("catalog-tls")).isLessThan(run.out().indexOf("docs-tls"));

        CliRunner.Run none = CliRunner.run(new FleetCommand(), "--kubeconfig", demo.kubeconfig().toString(), "--days", "0",
                "--format", "csv");
        assertThat(none.out().lines().findFirst()).contains("context,namespace,secret,subject,hosts,issuer,not_after,"
                + "days_left,expiry,used_by,cert_manager,problem");
        assertThat(none.out()).contains("gatehouse-demo,shop,storefront-tls,shop.demo.gatehouse.test,");
    }

    @Test
    void anUnreachableContextIsNamedAndTheOthersAreStillReadAsOpenMetrics() throws Exception {
        Process p = SubcommandMain.start(dir, Map.of("KUBECONFIG", demo.kubeconfig() + File.pathSeparator + gone),
                "fleet", "--format", "openmetrics", "--cluster-timeout", "30s"); // port 1 refuses at once; the demo may be slow on a loaded machine
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).contains("x509_source_up{context=\"gatehouse-demo\"} 1", "x509_source_up{context=\"gone\"} 0",
                "x509_source_errors{context=\"gone\",reason=\"unreachable\"} 1",
                "x509_cert_expired{context=\"gatehouse-demo\",secret_namespace=\"shop\",secret_name=\"catalog-tls\"")
                .endsWith("# EOF\n").doesNotContain("tkn-never-printed");
    }

    @Test
    void badInputIsNamed() {
        CliRunner.Run unknown = CliRunner.run(new FleetCommand(), "--kubeconfig", demo.kubeconfig().toString(),
                "--contexts", "prod,gatehouse-demo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualToIgnoringNewLines("error: the kubeconfig has no context 'prod'");

        CliRunner.Run format = CliRunner.run(new FleetCommand(), "--kubeconfig", demo.kubeconfig().toString(),
                "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format must be table, json, csv or openmetrics, not 'xml'");
    }
}
