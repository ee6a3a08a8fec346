package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.demo.DemoCluster;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse probe --via-port-forward} against the demo cluster: a Gateway host through its data-plane Pod. */
class ProbePortForwardCommandTest {

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

    private static CliRunner.Run probe(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--kubeconfig";
        all[1] = demo.kubeconfig().toString();
        all[2] = "--context";
        all[3] = DemoCluster.CONTEXT;
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRunner.run(new ProbeCommand(), all);
    }

    @Test
    void viaPortForwardReachesTheGatewaysListenerAndSaysHow() {
        CliRunner.Run run = probe("--host", "docs.gw.demo.gatehouse.test", "--via-port-forward", "--timeout", "5");
        assertThat(run.out()).as(run.err()).startsWith("docs.gw.demo.gatehouse.test via port-forward to"
                + " edge/envoy-edge-main-7d9f8c6b5-x2k4q, pod port 8443 (asked for): ");
        assertThat(run.out()).contains("PASS  reachable       TLS handshake via port-forward to"
                + " edge/envoy-edge-main-7d9f8c6b5-x2k4q, pod port 8443 (asked for)")
                .contains("the server sends the certificate of Secret shared-certs/docs-tls");
        assertThat(run.exitCode()).isIn(0, 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonNamesThePodAndTheService() {
        CliRunner.Run run = probe("--host", "docs.gw.demo.gatehouse.test", "--via-port-forward", "--timeout", "5",
                "--json");
        Map<String, Object> root = Serialization.unmarshal(run.out(), Map.class);
        Map<String, Object> host = ((List<Map<String, Object>>) root.get("hosts")).get(0);
        assertThat((Map<String, Object>) host.get("portForward")).containsEntry("pod",
                "edge/envoy-edge-main-7d9f8c6b5-x2k4q").containsEntry("podPort", 8443)
                .containsEntry("service", "Service edge/envoy-edge-main (its status.loadBalancer carries"
                        + " 203.0.113.10)");
        assertThat(host.get("address").toString()).startsWith("127.0.0.1:");
    }

    @Test
    void badCombinationsAreOneLineAndExit2() throws Exception {
        CliRunner.Run both = probe("--host", "docs.gw.demo.gatehouse.test", "--via-port-forward", "--address",
                "127.0.0.1:8443");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("error: give only one of --address, --via-port-forward and"
                + " --no-port-forward\n");
        Path yaml = home.resolve("ingress.yaml");
        java.nio.file.Files.writeString(yaml, "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n"
                + "  name: web\n  namespace: shop\nspec:\n  tls:\n    - hosts: [shop.test]\n  rules:\n"
                + "    - host: shop.test\n");
        CliRunner.Run files = CliRunner.run(new ProbeCommand(), "--manifests", yaml.toString(), "--via-port-forward");
        assertThat(files.exitCode()).isEqualTo(2);
        assertThat(files.err()).isEqualTo("error: --via-port-forward needs a cluster (--context or --kubeconfig),"
                + " not --manifests\n");
    }
}
