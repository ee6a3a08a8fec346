package dev.gatehouse.cluster;

import dev.gatehouse.demo.DryRuns;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's mock API server in mixed mode: CRUD for everything, except requests that match an
 * expectation set with {@link #server()}{@code .expect()}. Records every request path.
 */
public final class MockCluster implements AutoCloseable {

    static final String VERSION = "v1.31.0";

    private final Map<ServerRequest, Queue<ServerResponse>> responses = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final KubernetesMockServer server;
    private KubernetesClient client;
    private boolean closed;

    private MockCluster() {
        KubernetesMixedDispatcher mixed = new KubernetesMixedDispatcher(responses);
        Dispatcher recording = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request.getMethod() + " " + request.getPath());
                return dev.gatehouse.demo.DryRuns.answer(request).orElseGet(() -> mixed.dispatch(request));
            }

            @Override
            public void shutdown() {
                mixed.shutdown();
            }
        };
        VersionInfo version;
        try {
            version = new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion(VERSION).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, recording, false, version);
    }

    /** Starts on a free port. */
    public static MockCluster start() {
        MockCluster c = new MockCluster();
        c.server.init();
        return c;
    }

    /** Starts on the given port of localhost. */
    static MockCluster startOn(int port) throws Exception {
        MockCluster c = new MockCluster();
        c.server.init(InetAddress.getByName("localhost"), port);
        return c;
    }

    public KubernetesMockServer server() {
        return server;
    }

    /** A client of its own, to create, update and delete objects like another user would. */
    public synchronized KubernetesClient client() {
        if (client == null) {
            client = server.createClient();
        }
        return client;
    }

    public String url() {
        String url = server.url("/");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A kubeconfig file with context "mock" (token auth) pointing here. */
    public Path kubeconfig(Path dir) {
        return KubeconfigFiles.single(dir, "mock.yaml", "mock", url(), "shop");
    }

    long requestsMatching(String prefix) {
        return requests.stream().filter(r -> r.startsWith(prefix)).count();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public static Status status(int code, String reason, String message) {
        return new StatusBuilder().withApiVersion("v1").withKind("Status").withStatus("Failure")
                .withCode(code).withReason(reason).withMessage(message).build();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (client != null) {
            client.close();
        }
        try {
            server.destroy();
        } catch (IllegalStateException slowShutdown) {
            // Vert.x gives up waiting for its event loop on a loaded machine ("Unable to close MockWebServer");
            // the test's assertions are done by now, and the port is not reused.
            org.slf4j.LoggerFactory.getLogger(MockCluster.class).warn("mock API server did not stop cleanly: {}",
                    slowShutdown.toString());
        }
    }
}
