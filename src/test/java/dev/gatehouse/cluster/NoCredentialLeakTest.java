package dev.gatehouse.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.testing.RefusedPort;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.gatehouse.cluster.ClusterSessionCrudTest.b64;
import static dev.gatehouse.cluster.KubeconfigFiles.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens and Secret values never show up in logs (at any level, ours or fabric8's), in
 * {@code toString()} of what the cluster layer hands out, or in state messages.
 */
class NoCredentialLeakTest {

    private static final String PASSWORD = "hunter2-do-not-log";
    private static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY----- very secret";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level rootLevel;
    private final List<Logger> raised = new ArrayList<>();
    private final List<Level> raisedLevels = new ArrayList<>();

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        for (String name : List.of("io.fabric8", "dev.gatehouse")) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            raised.add(l);
            raisedLevels.add(l.getLevel());
            l.setLevel(Level.DEBUG);
        }
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        for (int i = 0; i < raised.size(); i++) {
            raised.get(i).setLevel(raisedLevels.get(i));
        }
    }

    @Test
    void aWholeSessionLeaksNothing() throws Exception {
        List<String> exposed = new ArrayList<>();
        try (MockCluster cluster = MockCluster.start()) {
            cluster.server().expect().get().withPath("/api/v1/namespaces/shop/services?resourceVersion=0")
                    .andReturn(403, MockCluster.status(403, "Forbidden", "forbidden")).always();
            cluster.client().secrets().inNamespace("shop").resource(new SecretBuilder()
                    .withNewMetadata().withName("web-tls")
                    .addToAnnotations(SecretSummary.LAST_APPLIED, "{\"data\":{\"password\":\"" + PASSWORD + "\"}}")
                    .endMetadata()
                    .withType("kubernetes.io/tls")
                    .addToData("tls.crt", b64("CERT")).addToData("tls.key", b64(PRIVATE_KEY))
                    .addToData("password", b64(PASSWORD))
                    .build()).create();

            KubeconfigSource source = KubeconfigSource.fromFile(cluster.kubeconfig(dir));
            try (ClusterSession session = ClusterSession.open(source, "mock", NamespaceScope.only("shop"),
                    ClusterSessionCrudTest.FAST, Runnable::run)) {
                session.secrets().addListener(new CacheListener<>() {
                    @Override
                    public void onAdd(SecretSummary s) {
                        exposed.add(s.toString());
                    }
                });
                Await.until("degraded", () -> session.state() instanceof ConnectionState.Degraded, session::toString);
                SecretSummary secret = session.secrets().get("shop", "web-tls").orElseThrow();
                assertThat(secret.tlsKey()).isPresent(); // it is there, in memory
                exposed.add(secret.toString());
                exposed.add(secret.annotations().toString());
                exposed.add(session.toString());
                exposed.add(session.state().toString());
                exposed.add(source.toString());
                exposed.add(source.contexts().toString());
                session.caches().forEach(c -> exposed.add(c.toString() + c.status()));
            }
        }

        // an unreachable server: the reason names the address, nothing else
        try (RefusedPort refused = RefusedPort.open()) {
            Path down = KubeconfigFiles.single(dir, "down.yaml", "mock", "http://localhost:" + refused.port(), "shop");
            try (ClusterSession session = ClusterSession.open(KubeconfigSource.fromFile(down), "mock",
                    NamespaceScope.all(), ClusterSessionCrudTest.FAST, Runnable::run)) {
                Await.until("unreachable", () -> session.state() instanceof ConnectionState.Unreachable);
                exposed.add(session.state().toString());
            }
        }

        List<String> logged = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            if (isMockServerSide(e.getLoggerName())) {
                continue; // the fake API server logs what it stores; it is not the client side
            }
            logged.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        assertThat(appender.list).as("fabric8's client-side debug logging was captured")
                .anyMatch(e -> e.getLoggerName().startsWith("io.fabric8.kubernetes.client.informers"));
        assertThat(appender.list).as("our own logging was captured")
                .anyMatch(e -> e.getLoggerName().startsWith("dev.gatehouse.cluster"));
        for (String text : concat(logged, exposed)) {
            assertThat(text).doesNotContain(TOKEN, PASSWORD, b64(PASSWORD), PRIVATE_KEY, b64(PRIVATE_KEY));
        }
    }

    private static boolean isMockServerSide(String logger) {
        return logger.startsWith("io.fabric8.kubernetes.client.server.mock") || logger.startsWith("io.fabric8.mockwebserver");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
