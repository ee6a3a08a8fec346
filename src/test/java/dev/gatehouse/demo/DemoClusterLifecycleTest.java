package dev.gatehouse.demo;

import dev.gatehouse.tls.TestCerts;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoClusterLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void closeStopsTheApiServerAndEveryBackendAndCanBeRepeated() throws Exception {
        Path kubeconfig = dir.resolve("demo.kubeconfig");
        Files.writeString(kubeconfig, "stale: true\n");
        List<Integer> ports = new ArrayList<>();
        DemoCluster cluster = DemoCluster.start(kubeconfig, TestCerts.CLOCK);
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            ports.add(URI.create(cluster.apiServerUrl()).getPort());
            client.services().inAnyNamespace().list().getItems().forEach(service -> service.getSpec().getPorts()
                    .forEach(port -> cluster.backendFor(service.getMetadata().getNamespace(),
                            service.getMetadata().getName(), port.getPort()).ifPresent(uri -> ports.add(uri.getPort()))));
        }
        assertThat(ports).hasSizeGreaterThan(10).doesNotHaveDuplicates();
        ports.forEach(port -> assertThat(accepts(port)).as("port %d before close", port).isTrue());
        if (kubeconfig.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(kubeconfig)).doesNotContain("stale");

        cluster.close();

        ports.forEach(port -> assertThat(accepts(port)).as("port %d after close", port).isFalse());
        assertThatCode(cluster::close).doesNotThrowAnyException();
    }

    @Test
    void kubeconfigInsideARegularFileIsAPlainError() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> DemoCluster.start(file.resolve("kubeconfig"), TestCerts.CLOCK))
                .isInstanceOf(DemoClusterException.class)
                .hasMessage("Cannot write the kubeconfig to " + file.resolve("kubeconfig") + ": " + file
                        + " is a file, not a directory");
    }

    @Test
    void kubeconfigPathThatIsADirectoryIsAPlainError() {
        assertThatThrownBy(() -> DemoCluster.start(dir, TestCerts.CLOCK))
                .isInstanceOf(DemoClusterException.class)
                .hasMessage("Cannot write the kubeconfig to " + dir + ": it is a directory");
    }

    @Test
    void kubectlCommandQuotesPathsWithSpaces() {
        assertThat(DemoCluster.shellQuote("/tmp/My Demo/it's.kubeconfig"))
                .isEqualTo("'/tmp/My Demo/it'\"'\"'s.kubeconfig'");
        assertThat(DemoCluster.shellQuote("/tmp/demo.kubeconfig")).isEqualTo("/tmp/demo.kubeconfig");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new AssertionError("Unexpected failure connecting to port " + port + ": " + e.getMessage(), e);
        }
    }
}
