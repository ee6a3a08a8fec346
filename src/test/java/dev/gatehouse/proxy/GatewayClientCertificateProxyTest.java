package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.backend.BackendMappings;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gateway's {@code spec.tls} through the real proxy on loopback: listener {@code strict} (:443,
 * {@code AllowValidOnly} against the CA ConfigMap {@code infra/client-ca}) refuses the handshake without a
 * certificate that CA issued; listener {@code lenient} (:8443, {@code perPort} {@code AllowInsecureFallback}) lets
 * every client in; and the backend behind the BackendTLSPolicy requires a client certificate, which the Gateway
 * presents from {@code spec.tls.backend.clientCertificateRef} — another Gateway without one gets 502 from it. With
 * the Java client, {@code curl --cert} and {@code openssl s_client} (those two skipped visibly when not installed).
 * Certificates are dated by the real clock (real TLS stacks check them).
 */
@ExtendWith(NettyLeakWatch.class)
class GatewayClientCertificateProxyTest {

    private static final java.time.Clock CLOCK = GatewayProxyFixture.CLOCK;
    private static final CertificateBundle ROOT = builder().subject("CN=Gateway mTLS Test Root").ca(true).build();
    private static final CertificateBundle CLIENT_CA = builder().subject("CN=Client CA").ca(true).build();
    private static final CertificateBundle STRANGER_CA = builder().subject("CN=Stranger CA").ca(true).build();
    private static final CertificateBundle CLIENT = builder().subject("CN=partner").clientAuth().issuedBy(CLIENT_CA)
            .build();
    private static final CertificateBundle STRANGER = builder().subject("CN=stranger").clientAuth()
            .issuedBy(STRANGER_CA).build();
    /** The Gateway's own client certificate, which the backend's CA (ROOT) issued. */
    private static final CertificateBundle GATEWAY_CLIENT = builder().subject("CN=gateway").clientAuth().issuedBy(ROOT)
            .build();

    private static final List<TestBackend> BACKENDS = new ArrayList<>();
    private static LocalProxy proxy;
    @TempDir
    static Path dir;

    private static CertificateBuilder builder() {
        Instant now = CLOCK.instant();
        return CertificateBuilder.create(CLOCK).notBefore(now.minus(Duration.ofDays(1)))
                .notAfter(now.plus(Duration.ofDays(3 * 365)));
    }

    private static CertificateBundle leaf(String name) {
        return builder().sans(name).serverAuth().issuedBy(ROOT).build();
    }

    @BeforeAll
    static void start() throws Exception {
        BackendMappings mappings = new BackendMappings();
        TestBackend web = TestBackend.http("web");
        TestBackend secure = TestBackend.mutualTls("secure", leaf("backend.test"), ROOT.certificate());
        BACKENDS.addAll(List.of(web, secure));
        mappings.add("infra/web:8080=" + web.url());
        mappings.add("infra/secure:8443=http://127.0.0.1:" + secure.port());
        ClusterView view = ProxyFixture.load(yaml());
        proxy = LocalProxy.builder(RuleSource.of("mtls test rules", () -> view), CLOCK)
                .config(ProxyFixture.testConfig()).backends(new BackendDirectory(List.of(mappings))).start();
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        BACKENDS.forEach(TestBackend::close);
    }

    private static String yaml() {
        String caMap = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s, namespace: infra}\ndata:\n  ca.crt: |\n%s";
        return GatewayProxyFixture.resource("/gateway/mtls.yaml")
                + GatewayProxyFixture.tlsSecret("infra", "strict-tls", leaf("strict.example.com"))
                + GatewayProxyFixture.tlsSecret("infra", "lenient-tls", leaf("lenient.example.com"))
                + GatewayProxyFixture.tlsSecret("infra", "open-tls", leaf("open.example.com"))
                + GatewayProxyFixture.tlsSecret("infra", "gateway-client", GATEWAY_CLIENT)
                + caMap.formatted("client-ca", indent(CLIENT_CA.certificatePem()))
                + caMap.formatted("backend-ca", indent(ROOT.certificatePem()))
                + GatewayProxyFixture.service("infra", "web", 8080) + GatewayProxyFixture.service("infra", "secure", 8443);
    }

    private static String indent(String pem) {
        StringBuilder b = new StringBuilder();
        pem.lines().forEach(l -> b.append("    ").append(l).append('\n'));
        return b.toString();
    }

    private static int local(int listenerPort) {
        return proxy.localPortFor(listenerPort).orElseThrow();
    }

    private static ProxyProbe.Response get(String host, int listenerPort, String path, CertificateBundle client)
            throws IOException {
        return ProxyProbe.send(new ProxyProbe.Request("GET", URI.create("https://" + host + path),
                new InetSocketAddress(proxy.httpsAddress().getAddress(), local(listenerPort)), Optional.of(host),
                List.of(), Optional.ofNullable(client).map(CertificateBundle::privateKey),
                client == null ? List.of() : client.chain(), Duration.ofSeconds(10)));
    }

    @Test
    void allowValidOnlyRefusesTheHandshakeWithoutAValidCertificate() throws Exception {
        assertThatThrownBy(() -> get("strict.example.com", 443, "/", null)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get("strict.example.com", 443, "/", STRANGER)).isInstanceOf(IOException.class);
        ProxyProbe.Response ok = get("strict.example.com", 443, "/", CLIENT);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).startsWith("web\n");
    }

    @Test
    void allowInsecureFallbackLetsEveryClientIn() throws Exception {
        assertThat(get("lenient.example.com", 8443, "/", null).status()).isEqualTo(200);
        assertThat(get("lenient.example.com", 8443, "/", STRANGER).status()).isEqualTo(200);
        assertThat(get("lenient.example.com", 8443, "/", CLIENT).status()).isEqualTo(200);
    }

    @Test
    void theGatewayPresentsItsClientCertificateToTheBackend() throws Exception {
        ProxyProbe.Response secure = get("strict.example.com", 443, "/secure", CLIENT);
        assertThat(secure.status()).as(secure.body()).isEqualTo(200);
        assertThat(secure.body()).startsWith("secure\n");
        ProxyProbe.Response lenient = get("lenient.example.com", 8443, "/secure", null);
        assertThat(lenient.status()).as(lenient.body()).isEqualTo(200);
        ProxyProbe.Response without = get("open.example.com", 9443, "/secure", null);
        assertThat(without.status()).as("a Gateway without clientCertificateRef is refused by the backend")
                .isEqualTo(502);
    }

    @Test
    void curlWithACertificateGets200AndWithoutOneNoHandshake() throws Exception {
        assumeTrue(onPath("curl"), "curl not on PATH");
        Path ca = write("root.pem", ROOT.certificatePem());
        Path cert = write("client.pem", CLIENT.chainPem());
        Path key = write("client.key", CLIENT.privateKeyPem());
        String url = "https://strict.example.com:" + local(443) + "/";
        List<String> base = List.of("curl", "-sS", "--max-time", "10", "--resolve", "strict.example.com:" + local(443)
                + ":127.0.0.1", "--cacert", ca.toString(), "-o", "-", "-w", "\n%{http_code}\n");
        Run ok = run(concat(base, "--cert", cert.toString(), "--key", key.toString(), url));
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("web\n").endsWith("200\n");
        Run refused = run(concat(base, url));
        assertThat(refused.exit()).as("no client certificate: the handshake fails").isNotZero();
        assertThat(refused.out()).doesNotContain("200");
    }

    @Test
    void opensslWithoutACertificateIsRefusedOnlyByTheStrictListener() throws Exception {
        assumeTrue(onPath("openssl"), "openssl not on PATH");
        Path ca = write("root-s.pem", ROOT.certificatePem());
        Path cert = write("client-s.pem", CLIENT.chainPem());
        Path key = write("client-s.key", CLIENT.privateKeyPem());
        String request = "GET / HTTP/1.1\r\nHost: strict.example.com\r\nConnection: close\r\n\r\n";
        List<String> strict = List.of("openssl", "s_client", "-connect", "127.0.0.1:" + local(443), "-servername",
                "strict.example.com", "-CAfile", ca.toString(), "-verify_return_error", "-quiet");
        Run refused = run(request, strict);
        assertThat(refused.out()).doesNotContain("HTTP/1.1 200");
        Run ok = run(request, concat(strict, "-cert", cert.toString(), "-key", key.toString()));
        assertThat(ok.out()).as(ok.err()).contains("HTTP/1.1 200");
        Run lenient = run(request.replace("strict", "lenient"), List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + local(8443), "-servername", "lenient.example.com", "-CAfile", ca.toString(),
                "-verify_return_error", "-quiet"));
        assertThat(lenient.out()).as(lenient.err()).contains("HTTP/1.1 200");
    }

    private record Run(int exit, String out, String err) {
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, tool)));
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        return run("", command);
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
}
