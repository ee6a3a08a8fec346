package dev.gatehouse.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoClusterCommandTest {

    private static final Pattern READY = Pattern.compile(
            "Demo cluster ready: kubeconfig (\\S+) \\(context gatehouse-demo\\) \u2014 try: kubectl --kubeconfig (\\S+) get ingress -A");

    @TempDir
    Path dir;

    @Test
    void printsOneReadyLineServesUntilStoppedThenExitsZero() throws Exception {
        Path kubeconfig = dir.resolve("demo.kubeconfig");
        CountDownLatch stop = new CountDownLatch(1);
        LineSignallingWriter out = new LineSignallingWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new DemoClusterCommand(stop::await))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> command.execute("--kubeconfig", kubeconfig.toString()));
        assertThat(out.firstLine.await(60, TimeUnit.SECONDS)).as("ready line; stderr: %s", err).isTrue();

        Matcher ready = READY.matcher(out.toString().strip());
        assertThat(ready.matches()).as(out.toString()).isTrue();
        assertThat(ready.group(1)).isEqualTo(kubeconfig.toString()).isEqualTo(ready.group(2));
        int apiPort;
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            assertThat(client.network().v1().ingresses().inAnyNamespace().list().getItems()).hasSizeGreaterThan(5);
            apiPort = URI.create(client.getMasterUrl().toString()).getPort();
        }
        assertThat(exit).isNotDone();

        stop.countDown();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(err.toString()).isEmpty();
        assertThat(accepts(apiPort)).as("API server stopped").isFalse();
    }

    @Test
    void failureIsOnePlainLineOnStderrAndExitOne() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new DemoClusterCommand(() -> {
            throw new AssertionError("must not wait after a failed start");
        })).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("--kubeconfig", notADirectory.resolve("kubeconfig").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .startsWith("gatehouse demo-cluster: Cannot write the kubeconfig to " + notADirectory.resolve("kubeconfig"))
                .doesNotContain("Exception");
    }

    @Test
    void helpNamesTheOptionAndItsDefault() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new DemoClusterCommand()).setOut(new PrintWriter(out, true)).execute("--help");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("demo-cluster", "--kubeconfig=PATH", "Ctrl-C");
        // the default path may be wrapped anywhere (its length depends on where the build runs)
        assertThat(out.toString().replaceAll("\\s+", "")).contains(Path.of("demo", "kubeconfig").toString());
    }

    @Test
    void sigtermStopsTheProcessCleanlyWithExitZero() throws Exception {
        Path kubeconfig = dir.resolve("process.kubeconfig");
        Process process = SubcommandMain.start(dir, "demo-cluster", "--kubeconfig", kubeconfig.toString());
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = CompletableFuture.supplyAsync(() -> SubcommandMain.readLine(stdout)).get(90, TimeUnit.SECONDS);
            assertThat(line).as("stderr: %s", Files.readString(dir.resolve("stderr.txt"))).matches(READY);
            int apiPort = URI.create(Config.fromKubeconfig(Files.readString(kubeconfig)).getMasterUrl()).getPort();
            assertThat(accepts(apiPort)).isTrue();
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readRest(stdout));

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("stderr: %s", Files.readString(dir.resolve("stderr.txt"))).isZero();
            assertThat(rest.get(30, TimeUnit.SECONDS)).as("nothing after the ready line").isEmpty();
            assertThat(accepts(apiPort)).isFalse();
        } finally {
            process.destroyForcibly();
        }
    }

    private static String readRest(BufferedReader reader) {
        StringBuilder text = new StringBuilder();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                text.append(line).append('\n');
            }
        } catch (IOException e) {
            // the pipe closes when the process ends
        }
        return text.toString();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Collects output and opens a latch when the first line is complete. */
    private static final class LineSignallingWriter extends Writer {
        private final StringBuffer text = new StringBuffer();
        final CountDownLatch firstLine = new CountDownLatch(1);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            if (text.indexOf("\n") >= 0) {
                firstLine.countDown();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
