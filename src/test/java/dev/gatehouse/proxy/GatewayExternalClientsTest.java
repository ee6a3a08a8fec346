package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code curl --resolve} and {@code openssl s_client -servername} against the proxy serving Gateway
 * listeners: the listener certificate verified by curl, redirects to the local port, the TLSRoute's backend
 * certificate seen through passthrough, and the refused handshake of a listener that is not programmed. Skipped
 * (visibly) where the tools are not installed.
 */
@ExtendWith(NettyLeakWatch.class)
class GatewayExternalClientsTest {

    private static GatewayProxyFixture fixture;
    @TempDir
    static Path dir;
    private static Path ca;

    @BeforeAll
    static void start() throws Exception {
        fixture = new GatewayProxyFixture(null);
        ca = fixture.rootCaFile(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, tool)));
    }

    private static Run run(String stdin, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    private static int https() {
        return fixture.proxy.httpsAddress().getPort();
    }

    private static int http() {
        return fixture.proxy.httpAddress().getPort();
    }

    private static Run curl(String host, String url, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "--resolve",
                host + ":" + https() + ":127.0.0.1", "--resolve", host + ":" + http() + ":127.0.0.1",
                "--cacert", ca.toString(), "-o", "-", "-w", "\n%{http_code} %{http_version}\n"));
        cmd.addAll(List.of(extra));
        cmd.add(url);
        return run("", cmd);
    }

    private static Run sClient(String servername) throws Exception {
        return run("", List.of("openssl", "s_client", "-connect", "127.0.0.1:" + https(), "-servername", servername,
                "-CAfile", ca.toString(), "-verify_return_error", "-brief"));
    }

    @Test
    void curlVerifiesTheListenerCertificateAndFollowsTheRedirectToTheLocalPort() throws Exception {
        assumeTrue(onPath("curl"), "curl not on PATH");
        Run ok = curl("a.example.com", "https://a.example.com:" + https() + "/prefix/one/x");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("v2\n").contains("path: /one/x\n").endsWith("200 2\n");
        Run followed = curl("a.example.com", "http://a.example.com:" + http() + "/y", "-L");
        assertThat(followed.exit()).as(followed.err()).isZero();
        assertThat(followed.out()).startsWith("v1\n").endsWith("200 2\n");
        Run misdirected = curl("b.example.com", "https://b.example.com:" + https() + "/", "-H", "Host: a.example.com",
                "--http1.1");
        assertThat(misdirected.out()).endsWith("421 1.1\n");
    }

    @Test
    void curlReachesATlsRouteBackendThroughPassthrough() throws Exception {
        assumeTrue(onPath("curl"), "curl not on PATH");
        Run passed = curl("pass.example.com", "https://pass.example.com:" + https() + "/through");
        assertThat(passed.exit()).as(passed.err()).isZero();
        assertThat(passed.out()).startsWith("tls-backend\n").contains("path: /through\n");
    }

    @Test
    void opensslSeesEachListenersCertificateAndNoHandshakeForAnUnprogrammedOne() throws Exception {
        assumeTrue(onPath("openssl"), "openssl not on PATH");
        Run a = sClient("a.example.com");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.err() + a.out()).contains("Verification: OK");
        Run pass = sClient("pass.example.com");
        assertThat(pass.exit()).as(pass.err()).isZero();
        Run denied = sClient("denied.example.com");
        assertThat(denied.exit()).as("no certificate is served for a listener that is not programmed").isNotZero();
    }
}
