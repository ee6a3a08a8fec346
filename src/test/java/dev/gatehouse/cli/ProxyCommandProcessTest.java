package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse proxy} as its own process, stopped the way a script or a service manager stops it:
 * SIGTERM as soon as the listening line appears is a clean stop with exit code 0 (not the JVM's 143), and
 * the ports are free afterwards.
 */
class ProxyCommandProcessTest {

    private static final Pattern LISTENING = Pattern.compile(
            "Gatehouse proxy listening on https://127\\.0\\.0\\.1:(\\d+) and http://127\\.0\\.0\\.1:(\\d+) .*");

    @TempDir
    Path dir;

    @Test
    void sigtermRightAfterTheListeningLineStopsCleanlyWithExitZero() throws Exception {
        Path ingress = Files.writeString(dir.resolve("ingress.yaml"), "apiVersion: networking.k8s.io/v1\n"
                + "kind: Ingress\nmetadata: {name: web, namespace: shop}\nspec:\n  ingressClassName: nginx\n"
                + "  rules:\n    - host: sig.test\n      http:\n        paths:\n"
                + "          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n");
        Process process = SubcommandMain.start(dir, "proxy", "--manifests", ingress.toString(),
                "--backend", "shop/web:80=http://127.0.0.1:1", "--https-port", "0", "--http-port", "0");
        try (BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = CompletableFuture.supplyAsync(() -> SubcommandMain.readLine(stdout)).get(90, TimeUnit.SECONDS);
            Matcher listening = LISTENING.matcher(String.valueOf(line));
            assertThat(listening.matches()).as("first line %s; stderr: %s", line, stderr()).isTrue();
            int http = Integer.parseInt(listening.group(2));

            process.destroy(); // SIGTERM, at once

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            assertThat(process.exitValue()).as("stderr: %s", stderr()).isZero();
            assertThat(answers(http)).as("the HTTP port is closed").isFalse();
        } finally {
            process.destroyForcibly();
        }
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.txt"));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: sig.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
