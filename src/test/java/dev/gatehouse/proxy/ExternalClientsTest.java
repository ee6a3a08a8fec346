package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.proxy.server.AccessLogEvent;
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
 * The real {@code curl --resolve} and {@code openssl s_client -servername} against the proxy, as users will
 * try it. Skipped (visibly) where the tools are not installed.
 */
@ExtendWith(NettyLeakWatch.class)
class ExternalClientsTest {

    private static ProxyFixture fixture;
    @TempDir
    static Path dir;
    private static Path ca;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ProxyFixture();
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

    private static Run run(String stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = builder.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    private static Run curl(String host, String url, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "--resolve",
                host + ":" + fixture.httpsPort() + ":127.0.0.1", "--resolve", host + ":" + fixture.httpPort()
                        + ":127.0.0.1", "--cacert", ca.toString(), "-o", "-", "-w", "\n%{http_code} %{http_version}\n"));
        cmd.addAll(List.of(extra));
        cmd.add(url);
        return run("", cmd.toArray(String[]::new));
    }

    @Test
    void curlVerifiesTheCertificateChosenBySniAndReachesTheBackend() throws Exception {
        assumeTrue(onPath("curl"), "curl not on PATH");
        Run ok = curl("shop.test", "https://shop.test:" + fixture.httpsPort() + "/api/x");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("api\n").endsWith("200 2\n");
        Run wildcard = curl("a.apps.test", "https://a.apps.test:" + fixture.httpsPort() + "/");
        assertThat(wildcard.out()).startsWith("apps\n");
    }

    @Test
    void curlGetsTheFakeCertificateWhenNoTlsEntryMatches() throws Exception {
        assumeTrue(onPath("curl"), "curl not on PATH");
        String url = "https://nothing.test:" + fixture.httpsPort() + "/";
        Run rejected = curl("nothing.test", url);
        assertThat(rejected.exit()).as("curl rejects the fake certificate").isNotZero();
        Run shown = curl("nothing.test", url, "-v", "-k");
        assertThat(shown.err()).contains("CN=Kubernetes Ingress Controller Fake Certificate");
        assertThat(shown.out()).as("no rule for the host").contains("\n404 ");
    }

    @Test
    void curlSees308OnTheHttpPortAndHttp2OverTls() throws Exception {
        assumeTrue(onPath("curl"), "curl not on PATH");
        Run redirect = curl("shop.test", "http://shop.test:" + fixture.httpPort() + "/a?b=c", "-D", "-");
        assertThat(redirect.out()).contains("HTTP/1.1 308")
                .containsIgnoringCase("location: https://shop.test:" + fixture.httpsPort() + "/a?b=c");
        Run h2 = curl("shop.test", "https://shop.test:" + fixture.httpsPort() + "/h2", "--http2");
        assertThat(h2.out()).startsWith("web\n").endsWith("200 2\n");
        AccessLogEvent event = fixture.log.next("/h2");
        assertThat(event.protocol()).isEqualTo("h2");
    }

    @Test
    void curlWithoutAClientCertificateGets400AndWithOneGets200() throws Exception {
        assumeTrue(onPath("curl"), "curl not on PATH");
        String url = "https://mtls.test:" + fixture.httpsPort() + "/";
        assertThat(curl("mtls.test", url).out()).contains("No required SSL certificate was sent").contains("\n400 ");
        Path cert = dir.resolve("client.pem");
        Path key = dir.resolve("client.key");
        Files.writeString(cert, fixture.pki.client.chainPem());
        Files.writeString(key, fixture.pki.client.privateKeyPem());
        assertThat(curl("mtls.test", url, "--cert", cert.toString(), "--key", key.toString()).out()).endsWith("200 2\n");
        Path strangerCert = dir.resolve("stranger.pem");
        Path strangerKey = dir.resolve("stranger.key");
        Files.writeString(strangerCert, fixture.pki.stranger.chainPem());
        Files.writeString(strangerKey, fixture.pki.stranger.privateKeyPem());
        assertThat(curl("mtls.test", url, "--cert", strangerCert.toString(), "--key", strangerKey.toString()).out())
                .contains("The SSL certificate error").endsWith("400 2\n");
    }

    @Test
    void opensslSeesTheCertificatePerServername() throws Exception {
        assumeTrue(onPath("openssl"), "openssl not on PATH");
        String connect = "127.0.0.1:" + fixture.httpsPort();
        Run shop = run("", "openssl", "s_client", "-connect", connect, "-servername", "shop.test", "-CAfile",
                ca.toString(), "-alpn", "h2,http/1.1");
        assertThat(shop.out()).contains("subject=CN = shop.test", "Verify return code: 0 (ok)", "ALPN protocol: h2");
        Run none = run("", "openssl", "s_client", "-connect", connect, "-noservername");
        assertThat(none.out()).contains("Kubernetes Ingress Controller Fake Certificate");
        Run tls11 = run("", "openssl", "s_client", "-connect", connect, "-servername", "shop.test", "-tls1_1");
        assertThat(tls11.out()).as("TLS 1.1 is refused").contains("no peer certificate available");
    }
}
