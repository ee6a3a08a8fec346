package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.demo.DemoCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cert status} on the demo cluster's three cert-manager scenarios, and on bad input. */
class CertStatusCommandTest {

    @TempDir
    static Path home;
    private static DemoCluster demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoCluster.start(home.resolve("demo.kubeconfig"), AppClock.system());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static CliRunner.Run status(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "status";
        all[1] = "--kubeconfig";
        all[2] = demo.kubeconfig().toString();
        all[3] = "--context";
        all[4] = "gatehouse-demo";
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRunner.run(new CertCommand(), all);
    }

    @Test
    void aHealthyRenewalSaysWhenCertManagerRenews() {
        CliRunner.Run run = status("--secret", "platform/grafana-tls");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Certificate platform/grafana is Ready; cert-manager renews it on ")
                .contains("ClusterIssuer gatehouse-demo-ca: ok", "CertificateRequest platform/grafana-1: ok",
                        "Normal Issuing: The certificate has been successfully issued");
    }

    @Test
    void anIssuerThatIsNotReadyIsTheBlockingStep() {
        CliRunner.Run run = status("--secret", "platform/docs-tls");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Not renewing: Issuer platform/letsencrypt-staging not Ready: Failed to"
                        + " register ACME account")
                .contains("Fix: Fix spec.acme.email of Issuer platform/letsencrypt-staging",
                        "Issuer platform/letsencrypt-staging: blocked  <-- blocks the renewal",
                        "Warning ErrInitIssuer: Error initializing issuer", "(×41)");
    }

    @Test
    void anHttp01ChallengeWhoseSolverHasNoEndpointsIsFoundAsJson() {
        CliRunner.Run run = status("--secret", "platform/wiki-tls", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"verdict\" : \"BLOCKED\"",
                "\"headline\" : \"Not renewing: Challenge platform/wiki-3-2847913-1735 is stuck: HTTP-01 for"
                        + " wiki.demo.gatehouse.test cannot be answered because its solver Service"
                        + " platform/cm-acme-http-solver-q7x2k has no ready endpoints",
                "\"object\" : \"Order platform/wiki-3-2847913\"");
    }

    @Test
    void aSecretNoCertificateWritesAndBadInputAreSaidPlainly() {
        CliRunner.Run unmanaged = status("--secret", "shop/storefront-tls");
        assertThat(unmanaged.exitCode()).isZero();
        assertThat(unmanaged.out()).startsWith("No cert-manager Certificate in shop writes Secret shop/storefront-tls");

        CliRunner.Run bad = status("--secret", "storefront-tls");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("error: --secret must be NAMESPACE/NAME, not 'storefront-tls'");

        CliRunner.Run noContext = CliRunner.run(new CertCommand(), "status", "--kubeconfig",
                demo.kubeconfig().toString(), "--context", "nope", "--secret", "a/b");
        assertThat(noContext.exitCode()).isEqualTo(2);
        assertThat(noContext.err()).startsWith("error: ").doesNotContain("Exception");
    }
}
