package dev.gatehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tls.TestCerts;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pods/portforward on the demo cluster through fabric8's real client: the Gateway's data-plane Pod forwards to the
 * demo controller, which serves edge/main's listeners — a TLS handshake through the forward gets docs-tls's leaf.
 */
class DemoPortForwardTest {

    @TempDir
    static Path dir;
    private static DemoCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = DemoCluster.start(dir.resolve("demo.kubeconfig"), TestCerts.CLOCK);
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig())))
                .build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theGatewaysServiceCarriesItsAddressAndHasAReadyPod() {
        var service = client.services().inNamespace("edge").withName("envoy-edge-main").get();
        assertThat(service.getStatus().getLoadBalancer().getIngress().get(0).getIp()).isEqualTo("203.0.113.10");
        var slice = client.discovery().v1().endpointSlices().inNamespace("edge")
                .withLabel("kubernetes.io/service-name", "envoy-edge-main").list().getItems().get(0);
        assertThat(slice.getEndpoints().get(0).getTargetRef().getName()).isEqualTo("envoy-edge-main-7d9f8c6b5-x2k4q");
        assertThat(client.pods().inNamespace("edge").withName("envoy-edge-main-7d9f8c6b5-x2k4q").get()
                .getStatus().getPhase()).isEqualTo("Running");
    }

    @Test
    void aTlsHandshakeThroughThePortForwardGetsTheListenersCertificate() throws Exception {
        try (LocalPortForward forward = client.pods().inNamespace("edge").withName("envoy-edge-main-7d9f8c6b5-x2k4q")
                .portForward(8443, java.net.InetAddress.getLoopbackAddress(), 0)) {
            assertThat(forward.getLocalAddress().getHostAddress()).isEqualTo("127.0.0.1");
            for (int i = 0; i < 3; i++) { // each connection is its own WebSocket
                X509Certificate leaf = handshake(forward.getLocalPort(), "docs.gw.demo.gatehouse.test");
                assertThat(sha256(leaf)).as("the served leaf is Secret shared-certs/docs-tls's")
                        .isEqualTo(sha256(secretLeaf("shared-certs", "docs-tls")));
            }
            assertThat(forward.errorOccurred()).isFalse();
        }
    }

    @Test
    void anUnknownPodIsNotFoundAndAnUnservedPortIsAnError() throws Exception {
        try (LocalPortForward forward = client.pods().inNamespace("edge").withName("no-such-pod").portForward(8443, java.net.InetAddress.getLoopbackAddress(), 0)) {
            assertThat(connectAndRead(forward.getLocalPort())).isEqualTo(-1);
            assertThat(forward.errorOccurred()).isTrue();
        }
        try (LocalPortForward forward = client.pods().inNamespace("edge").withName("envoy-edge-main-7d9f8c6b5-x2k4q")
                .portForward(9999)) {
            assertThat(connectAndRead(forward.getLocalPort())).isEqualTo(-1);
            assertThat(forward.getServerThrowables()).anySatisfy(t -> assertThat(t.getMessage())
                    .contains("nothing listens on port 9999"));
        }
    }

    private static int connectAndRead(int port) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return s.getInputStream().read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    static X509Certificate handshake(int port, String sni) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            SSLParameters params = socket.getSSLParameters();
            params.setServerNames(List.of(new SNIHostName(sni)));
            socket.setSSLParameters(params);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static X509Certificate secretLeaf(String namespace, String name) throws Exception {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        byte[] pem = Base64.getDecoder().decode(secret.getData().get("tls.crt"));
        try (InputStream in = new ByteArrayInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificates(in).iterator().next();
        }
    }

    static String sha256(X509Certificate c) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }
}
