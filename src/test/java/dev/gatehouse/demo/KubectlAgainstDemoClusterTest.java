package dev.gatehouse.demo;

import dev.gatehouse.tls.TestCerts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real kubectl against the demo cluster, through the kubeconfig the demo writes. */
class KubectlAgainstDemoClusterTest {

    private static final boolean KUBECTL_ON_PATH = ProcessRun.onPath("kubectl");

    @TempDir
    static Path dir;

    private static DemoCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        if (KUBECTL_ON_PATH) {
            cluster = DemoCluster.start(dir.resolve("kubeconfig"), TestCerts.CLOCK);
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void getIngressAllNamespacesListsTheSeededIngresses() throws Exception {
        assumeTrue(KUBECTL_ON_PATH, "kubectl not on PATH");
        ProcessRun run = kubectl(cluster.kubeconfig(), "get", "ingress", "-A");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header.split("\\s+")).containsExactly("NAMESPACE", "NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"));
        for (DemoScenario scenario : cluster.scenarios()) {
            assertThat(run.output()).containsPattern("(?m)^" + scenario.namespace() + "\\s+" + scenario.ingressName()
                    + "\\s+\\S+\\s+" + java.util.regex.Pattern.quote(scenario.hosts().get(0)));
        }
        assertThat(run.output()).containsPattern("(?m)^shop\\s+promo\\s+<none>\\s+promo.demo.gatehouse.test\\s+127\\.0\\.0\\.1\\s+80\\s");
    }

    @Test
    void theCommandShownToTheUserWorksAsPrinted() throws Exception {
        assumeTrue(KUBECTL_ON_PATH, "kubectl not on PATH");
        List<String> command = new ArrayList<>(List.of(cluster.kubectlCommand().split(" ")));
        command.add("--cache-dir");
        command.add(dir.resolve("kubectl-cache").toString());
        ProcessRun run = ProcessRun.run(command);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("storefront", "tenant-sites");
    }

    @Test
    void getSecretsServicesSlicesAndClassesWork() throws Exception {
        assumeTrue(KUBECTL_ON_PATH, "kubectl not on PATH");
        ProcessRun secrets = kubectl(cluster.kubeconfig(), "get", "secret", "-n", "shop");
        assertThat(secrets.exitCode()).as(secrets.output()).isZero();
        assertThat(secrets.output()).contains("storefront-tls", "catalog-tls", "blog-tls")
                .containsPattern("(?m)^storefront-tls\\s+kubernetes.io/tls\\s+2\\s");

        ProcessRun others = kubectl(cluster.kubeconfig(), "get", "svc,endpointslices", "-n", "payments");
        assertThat(others.exitCode()).as(others.output()).isZero();
        assertThat(others.output()).contains("service/checkout", "endpointslice.discovery.k8s.io/checkout-");

        ProcessRun classes = kubectl(cluster.kubeconfig(), "get", "ingressclass", "nginx", "-o",
                "jsonpath={.metadata.annotations.ingressclass\\.kubernetes\\.io/is-default-class}");
        assertThat(classes.output()).isEqualTo("true");

        ProcessRun tlsCrt = kubectl(cluster.kubeconfig(), "get", "secret", "-n", "shop", "storefront-tls",
                "-o", "jsonpath={.data.tls\\.crt}");
        assertThat(new String(Base64.getDecoder().decode(tlsCrt.output().trim()), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void getGatewayApiKindsAllNamespacesListsTheSeededObjects() throws Exception {
        assumeTrue(KUBECTL_ON_PATH, "kubectl not on PATH");
        ProcessRun run = kubectl(cluster.kubeconfig(), "get",
                "gatewayclass,gateway,httproute,referencegrant,backendtlspolicy", "-A");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String out = run.output();
        assertThat(out).doesNotContain("error", "doesn't have a resource type");
        // the CRDs' printer columns, as a real API server prints them (GatewayClass is cluster-scoped: no NAMESPACE)
        assertThat(out).containsPattern("(?m)^NAME\\s+CONTROLLER\\s+ACCEPTED\\s+AGE")
                .containsPattern("(?m)^gatewayclass\\.gateway\\.networking\\.k8s\\.io/eg\\s+"
                        + "gateway\\.envoyproxy\\.io/gatewayclass-controller")
                .containsPattern("(?m)^NAMESPACE\\s+NAME\\s+CLASS\\s+ADDRESS\\s+PROGRAMMED\\s+AGE")
                .containsPattern("(?m)^edge\\s+gateway\\.gateway\\.networking\\.k8s\\.io/main\\s+eg\\s+203\\.0\\.113\\.10\\s+True")
                .containsPattern("(?m)^NAMESPACE\\s+NAME\\s+HOSTNAMES\\s+AGE")
                .containsPattern("(?m)^shared-certs\\s+referencegrant\\.gateway\\.networking\\.k8s\\.io/edge-gateways-use-docs-tls\\s")
                .containsPattern("(?m)^web\\s+backendtlspolicy\\.gateway\\.networking\\.k8s\\.io/vault\\s");
        for (DemoScenario scenario : cluster.gatewayScenarios()) {
            String hosts = scenario.hosts().get(0).startsWith("*") ? "" // a route without hostnames of its own
                    : "\\s+\\[\"" + java.util.regex.Pattern.quote(scenario.hosts().get(0)) + "\"";
            assertThat(out).containsPattern("(?m)^" + scenario.namespace() + "\\s+httproute\\.gateway\\.networking"
                    + "\\.k8s\\.io/" + scenario.name() + hosts);
        }

        ProcessRun shortNames = kubectl(cluster.kubeconfig(), "get", "gtw", "-n", "edge", "-o", "name");
        assertThat(shortNames.exitCode()).as(shortNames.output()).isZero();
        assertThat(shortNames.output().trim()).isEqualTo("gateway.gateway.networking.k8s.io/main");
    }

    @Test
    void serverVersionIsReported() throws Exception {
        assumeTrue(KUBECTL_ON_PATH, "kubectl not on PATH");
        ProcessRun version = kubectl(cluster.kubeconfig(), "version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("Server Version: v1.32.0-gatehouse-demo");
    }

    @Test
    void kubectlReallyVerifiesTheServerCertificate() throws Exception {
        assumeTrue(KUBECTL_ON_PATH, "kubectl not on PATH");
        // Same kubeconfig, but trusting the demo CA instead of the API server's certificate.
        String wrongCa = Base64.getEncoder().encodeToString(
                dev.gatehouse.tls.build.Pem.certificate(cluster.demoCaCertificate()).getBytes(StandardCharsets.US_ASCII));
        String text = Files.readString(cluster.kubeconfig())
                .replaceAll("certificate-authority-data: \\S+", "certificate-authority-data: " + wrongCa);
        Path wrong = dir.resolve("wrong-ca.kubeconfig");
        Files.writeString(wrong, text);
        ProcessRun run = kubectl(wrong, "get", "ingress", "-A");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("x509");
    }

    private static ProcessRun kubectl(Path kubeconfig, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", dir.resolve("kubectl-cache").toString(), "--request-timeout", "20s"));
        command.addAll(List.of(args));
        return ProcessRun.run(command);
    }
}
