package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user is told, within the timeout, when a kubeconfig context cannot be used: a TLS server
 * with the wrong certificate (unknown CA, another name, expired), an unknown host. Each gets its own
 * plain message naming the server and what to check.
 */
class ClusterConnectionProblemsTest {

    /** The JDK's TLS client checks the server certificate's dates by the wall clock, so these are dated by it. */
    private static final Clock WALL = Clock.systemUTC();
    private static final CertificateBundle CLUSTER_CA = CertificateBuilder.create(WALL).subject("CN=Cluster CA").ca(true)
            .build();
    private static final CertificateBundle ROGUE_CA = CertificateBuilder.create(WALL).subject("CN=Rogue CA").ca(true)
            .build();
    /** Short timeouts, no health check during a test. */
    private static final SessionSettings QUICK = new SessionSettings(Duration.ofSeconds(3), Duration.ofSeconds(3),
            Duration.ofMillis(200), Duration.ofMinutes(10), 0);

    @TempDir
    Path dir;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** A TLS server on 127.0.0.1 that completes handshakes with this certificate and answers nothing. */
    private int tlsServer(CertificateBundle served) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", served.privateKey(), new char[0],
                served.chain().toArray(X509Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        toClose.add(server);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(2000);
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // handshakes are expected to fail
                }
            }
        }, "tls-test-server");
        accept.setDaemon(true);
        accept.start();
        return server.getLocalPort();
    }

    private Path kubeconfig(String server, CertificateBundle trusted) {
        String ca = Base64.getEncoder().encodeToString(trusted.certificatePem().getBytes(StandardCharsets.US_ASCII));
        return KubeconfigFiles.write(dir, "tls.yaml", """
                apiVersion: v1
                kind: Config
                current-context: tls
                contexts:
                - name: tls
                  context: {cluster: tls-cluster, user: tls-user}
                clusters:
                - name: tls-cluster
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: tls-user
                  user: {token: %s}
                """.formatted(server, ca, KubeconfigFiles.TOKEN));
    }

    private String unreachableReason(Path kubeconfig) throws Exception {
        ClusterSession session = ClusterSession.open(KubeconfigSource.fromFile(kubeconfig), "tls",
                NamespaceScope.all(), QUICK, Runnable::run);
        toClose.add(session);
        long start = System.nanoTime();
        Await.until("unreachable", () -> session.state() instanceof ConnectionState.Unreachable, session::toString);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("named within the timeout (and the probe)")
                .isLessThan(Duration.ofSeconds(8));
        String reason = ((ConnectionState.Unreachable) session.state()).reason();
        assertThat(reason).doesNotContain(KubeconfigFiles.TOKEN);
        return reason;
    }

    private static CertificateBundle serving(CertificateBundle issuer, CertificateBuilder builder) {
        return builder.serverAuth().issuedBy(issuer).build();
    }

    @Test
    void aCertificateFromAnUnknownCaIsNamedWithItsIssuerAndTheFieldToCheck() throws Exception {
        int port = tlsServer(serving(ROGUE_CA, CertificateBuilder.create(WALL).subject("CN=kube-apiserver")
                .ipSans("127.0.0.1")));
        String server = "https://127.0.0.1:" + port;
        assertThat(unreachableReason(kubeconfig(server, CLUSTER_CA))).isEqualTo("The API server at " + server
                + " presented a certificate signed by an unknown CA (subject \"CN=kube-apiserver\", issuer"
                + " \"CN=Rogue CA\"); check certificate-authority (or certificate-authority-data) of the cluster of"
                + " context 'tls'");
    }

    @Test
    void aCertificateForAnotherNameIsNamedWithTheNamesItHas() throws Exception {
        int port = tlsServer(serving(CLUSTER_CA, CertificateBuilder.create(WALL).subject("CN=kube-apiserver")
                .sans("other.test")));
        String server = "https://127.0.0.1:" + port;
        assertThat(unreachableReason(kubeconfig(server, CLUSTER_CA))).isEqualTo("The API server at " + server
                + " presented a certificate for DNS:other.test, not for 127.0.0.1; check the server address (or"
                + " tls-server-name) of the cluster of context 'tls'");
    }

    @Test
    void anExpiredCertificateIsNamedWithItsEndDate() throws Exception {
        int port = tlsServer(serving(CLUSTER_CA, CertificateBuilder.create(WALL).subject("CN=kube-apiserver")
                .ipSans("127.0.0.1").notBefore(Instant.parse("2020-01-01T00:00:00Z"))
                .notAfter(Instant.parse("2021-01-01T00:00:00Z"))));
        String server = "https://127.0.0.1:" + port;
        assertThat(unreachableReason(kubeconfig(server, CLUSTER_CA))).startsWith("The API server at " + server
                + " presented a certificate that expired on 2021-01-01").endsWith("must be renewed");
    }

    @Test
    void anUnknownHostIsNamed() throws Exception {
        String server = "https://gatehouse-no-such-host.invalid:6443";
        assertThat(unreachableReason(kubeconfig(server, CLUSTER_CA)))
                .isEqualTo("cannot reach " + server + ": unknown host");
    }

    @Test
    void theTimeoutComesFromTheSystemPropertyAndIsCheckedForSense() {
        assertThat(SessionSettings.defaults().connectTimeout()).isEqualTo(SessionSettings.DEFAULT_TIMEOUT);
        assertThat(SessionSettings.parseTimeout("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(SessionSettings.parseTimeout("2m", "x")).isEqualTo(Duration.ofMinutes(2));
        assertThat(SessionSettings.parseTimeout("PT3S", "x")).isEqualTo(Duration.ofSeconds(3));
        assertThat(SessionSettings.parseTimeout("7", "x")).isEqualTo(Duration.ofSeconds(7));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SessionSettings.parseTimeout("soon", "--cluster-timeout"))
                .hasMessage("--cluster-timeout \"soon\" is not a duration (write 10s, 500ms, 2m)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SessionSettings.parseTimeout("0s", "x"))
                .hasMessageContaining("must be a positive duration");
        String before = System.getProperty(SessionSettings.TIMEOUT_PROPERTY);
        try {
            System.setProperty(SessionSettings.TIMEOUT_PROPERTY, "4s");
            SessionSettings s = SessionSettings.defaults();
            assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
            assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(4));
        } finally {
            if (before == null) {
                System.clearProperty(SessionSettings.TIMEOUT_PROPERTY);
            } else {
                System.setProperty(SessionSettings.TIMEOUT_PROPERTY, before);
            }
        }
    }
}
