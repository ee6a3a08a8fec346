package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.proxy.ProxyProbe;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gatehouse proxy} headless: the listening line, access-log lines, reload on file change, clean stop. */
class ProxyCommandTest {

    private static final Pattern LISTENING = Pattern.compile(
            "Gatehouse proxy listening on https://127\\.0\\.0\\.1:(\\d+) and http://127\\.0\\.0\\.1:(\\d+) \u2014 .*");

    @TempDir
    Path dir;
    private HttpServer backend;

    @BeforeEach
    void backend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = ("backend saw " + exchange.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
    }

    @AfterEach
    void stopBackend() {
        backend.stop(0);
    }

    private static String ingress(String host, boolean tls) {
        return "---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: " + host.replace('.', '-')
                + ", namespace: shop}\nspec:\n  ingressClassName: nginx\n"
                + (tls ? "  tls: [{hosts: [" + host + "], secretName: cli-tls}]\n" : "")
                + "  rules:\n    - host: " + host + "\n      http:\n        paths:\n"
                + "          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n";
    }

    private static String secret(CertificateBundle cert) {
        StringBuilder b = new StringBuilder("---\napiVersion: v1\nkind: Secret\nmetadata: {name: cli-tls, namespace: shop}\n"
                + "type: kubernetes.io/tls\nstringData:\n  tls.crt: |\n");
        cert.chainPem().lines().forEach(l -> b.append("    ").append(l).append('\n'));
        b.append("  tls.key: |\n");
        cert.privateKeyPem().lines().forEach(l -> b.append("    ").append(l).append('\n'));
        return b.toString();
    }

    @Test
    void servesTheManifestsLogsEachRequestReloadsOnChangeAndStopsCleanly() throws Exception {
        CertificateBundle cert = CertificateBuilder.create(Clock.systemUTC()).sans("cli.test").selfSigned().build();
        Path manifests = Files.createDirectory(dir.resolve("manifests"));
        Files.writeString(manifests.resolve("ingress.yaml"), ingress("cli.test", true) + secret(cert));
        CountDownLatch stop = new CountDownLatch(1);
        Lines out = new Lines();
        Lines err = new Lines();
        CommandLine command = new CommandLine(new ProxyCommand(stop::await))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> command.execute("--manifests",
                manifests.toString(), "--backend", "shop/web:80=http://127.0.0.1:" + backend.getAddress().getPort(),
                "--https-port", "0", "--http-port", "0"));

        String first = out.await(l -> l.startsWith("Gatehouse proxy listening"), err);
        Matcher m = LISTENING.matcher(first);
        assertThat(m.matches()).as(first).isTrue();
        assertThat(first).contains("1 Ingress of class nginx", "TLS: ").containsPattern("sockets: (io_uring|epoll|NIO)");
        int https = Integer.parseInt(m.group(1));
        int http = Integer.parseInt(m.group(2));

        ProxyProbe.Response ok = probe("https://cli.test/hello", https);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("backend saw /hello\n");
        assertThat(ok.serverChain().get(0)).isEqualTo(cert.certificate());
        assertThat(out.await(l -> l.contains(" 200 GET https://cli.test/hello "), err))
                .contains("sni=cli.test", "ingress=shop/cli-test", "rule=\"host cli.test, path / (Prefix)\"",
                        "backend=\"shop/web:80");
        assertThat(probe("http://new.test/", http).status()).isEqualTo(404);

        Files.writeString(manifests.resolve("more.yaml"), ingress("new.test", false));
        err.await(l -> l.startsWith("rules reloaded: 2 Ingresses"), err);
        assertThat(probe("http://new.test/x", http).body()).isEqualTo("backend saw /x\n");

        stop.countDown();
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        try (var socket = new java.net.Socket()) {
            assertThat(connects(socket, https)).as("stopped listening").isFalse();
        }
    }

    @Test
    void badInputAndBusyPortsGivePlainMessages() throws Exception {
        CliRunner.Run noInput = CliRunner.run(new ProxyCommand(() -> { }));
        assertThat(noInput.exitCode()).isEqualTo(2);
        assertThat(noInput.err()).contains("no rules: pass --manifests");
        Path yaml = Files.writeString(dir.resolve("i.yaml"), ingress("a.test", false));
        CliRunner.Run badBackend = CliRunner.run(new ProxyCommand(() -> { }), "--manifests", yaml.toString(),
                "--backend", "web=localhost");
        assertThat(badBackend.exitCode()).isEqualTo(2);
        assertThat(badBackend.err()).contains("is not NAMESPACE/SERVICE:PORT=URL");
        CliRunner.Run noThreads = CliRunner.run(new ProxyCommand(() -> { }), "--manifests", yaml.toString(),
                "--io-threads", "0");
        assertThat(noThreads.exitCode()).isEqualTo(2);
        assertThat(noThreads.err()).contains("I/O threads must be between 1 and 64, not 0");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRunner.Run inUse = CliRunner.run(new ProxyCommand(() -> { }), "--manifests", yaml.toString(),
                    "--https-port", String.valueOf(busy.getLocalPort()), "--http-port", "0");
            assertThat(inUse.exitCode()).isEqualTo(1);
            assertThat(inUse.err()).contains("Cannot listen for HTTPS on 127.0.0.1:" + busy.getLocalPort());
        }
    }

    @Test
    void aMistypedTransportChoiceIsNamedOnTheTerminal() {
        String before = System.getProperty("gatehouse.proxy.transport");
        System.setProperty("gatehouse.proxy.transport", "kqueue");
        try {
            CliRunner.Run run = CliRunner.run(new ProxyCommand(() -> { }));
            assertThat(run.err()).contains("warning: -Dgatehouse.proxy.transport=kqueue is not a socket transport "
                    + "(io_uring, epoll or nio); the proxy uses the best available");
        } finally {
            if (before == null) {
                System.clearProperty("gatehouse.proxy.transport");
            } else {
                System.setProperty("gatehouse.proxy.transport", before);
            }
        }
    }

    private static boolean connects(java.net.Socket socket, int port) {
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ProxyProbe.Response probe(String url, int port) throws IOException {
        URI uri = URI.create(url);
        boolean https = uri.getScheme().equals("https");
        return ProxyProbe.send(new ProxyProbe.Request("GET", uri, new InetSocketAddress("127.0.0.1", port),
                https ? Optional.of(uri.getHost()) : Optional.empty(), List.of(), Optional.empty(), List.of(),
                Duration.ofSeconds(10)));
    }

    /** A writer whose complete lines can be awaited. */
    static final class Lines extends Writer {
        private final StringWriter all = new StringWriter();
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            all.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines.add(partial.toString());
                    partial.setLength(0);
                    notifyAll();
                } else {
                    partial.append(buf[i]);
                }
            }
        }

        synchronized String await(Predicate<String> wanted, Lines context) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (true) {
                Optional<String> hit = lines.stream().filter(wanted).findFirst();
                if (hit.isPresent()) {
                    return hit.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("line not printed; got: " + all + "\nother stream: " + context);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public synchronized String toString() {
            return all.toString();
        }
    }
}
