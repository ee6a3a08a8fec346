package dev.gatehouse.demo;

import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.vertx.core.net.SelfSignedCertificate;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's Kubernetes mock server in CRUD mode over HTTPS on 127.0.0.1 (an ephemeral port),
 * with the discovery documents kubectl needs ({@link ApiServerDispatcher}).
 *
 * <p>TLS: the mock generates a self-signed RSA certificate with SANs {@code localhost} and
 * {@code 127.0.0.1}. We serve on {@code https://127.0.0.1:PORT}, so that certificate verifies as
 * its own trust anchor: the kubeconfig carries it as {@code certificate-authority-data} and
 * clients verify the server (no insecure-skip-tls-verify). The mock writes the certificate and
 * its key to temporary files; they are read once at start and deleted right after the server
 * is listening.
 */
final class DemoApiServer implements AutoCloseable {

    /**
     * The mock logs every request at INFO through java.util.logging, which would reach the CLI's
     * console; keep a strong reference so the level sticks (JUL holds loggers weakly).
     */
    private static final Logger MOCK_WEB_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    static {
        MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
    }

    private static final String DISCOVERY_RESOURCE = "dev/gatehouse/demo/discovery.yaml";

    private final KubernetesMockServer server;
    private final String url;
    private final String caCertificatePem;
    private final PortForwardBridge forwards;

    private DemoApiServer(KubernetesMockServer server, String url, String caCertificatePem,
                          PortForwardBridge forwards) {
        this.server = server;
        this.forwards = forwards;
        this.url = url;
        this.caCertificatePem = caCertificatePem;
    }

    static DemoApiServer start(KubernetesSerialization serialization, Clock clock) throws DemoClusterException {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        MockWebServer webServer = new MockWebServer();
        // MockWebServer records every request for tests' takeRequest() and never forgets them;
        // a demo runs for hours, so the record is cleared after each request.
        PortForwardBridge forwards = new PortForwardBridge();
        ApiServerDispatcher dispatcher = discovery(new KubernetesMixedDispatcher(responses), serialization, clock,
                webServer::reset, forwards);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), webServer, responses, dispatcher, true);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException | RuntimeException e) {
            server.destroy();
            throw new DemoClusterException("The demo API server could not start on 127.0.0.1: " + e.getMessage(), e);
        }
        SelfSignedCertificate certificate = server.getSelfSignedCertificate();
        try {
            String pem = Files.readString(Path.of(certificate.certificatePath()), StandardCharsets.US_ASCII);
            return new DemoApiServer(server, "https://127.0.0.1:" + server.getPort(), pem, forwards);
        } catch (IOException e) {
            server.destroy();
            throw new DemoClusterException("The demo API server's certificate cannot be read: " + e.getMessage(), e);
        } finally {
            // The server has loaded its key; do not leave it in the temp directory.
            certificate.delete();
        }
    }

    private static ApiServerDispatcher discovery(KubernetesMixedDispatcher crud, KubernetesSerialization serialization,
                                                 Clock clock, Runnable afterEachRequest,
                                                 PortForwardBridge forwards) {
        Map<?, ?> documents;
        try (InputStream in = DemoApiServer.class.getClassLoader().getResourceAsStream(DISCOVERY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DISCOVERY_RESOURCE + " is missing from the class path");
            }
            documents = serialization.unmarshal(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(DISCOVERY_RESOURCE + " cannot be read", e);
        }
        Map<String, String> json = new LinkedHashMap<>();
        documents.forEach((path, document) -> json.put(String.valueOf(path), serialization.asJson(document)));
        Map<String, String> groups = new LinkedHashMap<>();
        ApiServerDispatcher.groupsOf((Map<?, ?>) documents.get("/apis"))
                .forEach((name, group) -> groups.put(name, serialization.asJson(group)));
        return new ApiServerDispatcher(crud, json, groups, serialization.asJson(versionInfo()),
                new KubectlTables(serialization, clock), afterEachRequest, forwards);
    }

    private static Map<String, Object> versionInfo() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("major", "1");
        version.put("minor", "32");
        version.put("gitVersion", "v1.32.0-gatehouse-demo");
        version.put("gitCommit", "0000000000000000000000000000000000000000");
        version.put("gitTreeState", "clean");
        version.put("buildDate", "2025-01-01T00:00:00Z");
        version.put("goVersion", "go1.23");
        version.put("compiler", "gc");
        version.put("platform", "linux/amd64");
        return version;
    }

    /** {@code https://127.0.0.1:PORT}. */
    String url() {
        return url;
    }

    /** Where {@code pods/portforward} requests go. */
    PortForwardBridge forwards() {
        return forwards;
    }

    int port() {
        return server.getPort();
    }

    /** The server's self-signed certificate, PEM: what clients must trust. */
    String caCertificatePem() {
        return caCertificatePem;
    }

    @Override
    public void close() {
        try {
            server.destroy();
        } catch (RuntimeException e) {
            // Vert.x gives up waiting for its event loop on a loaded machine; the server is going away anyway.
            LoggerFactory.getLogger(DemoApiServer.class).warn("The demo API server did not stop cleanly: {}", e.toString());
        }
    }
}
