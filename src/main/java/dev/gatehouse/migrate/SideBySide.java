package dev.gatehouse.migrate;

import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.ProxyStartException;
import dev.gatehouse.proxy.RuleSource;
import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.backend.BackendKey;
import dev.gatehouse.proxy.backend.BackendSource;
import dev.gatehouse.proxy.backend.BackendTarget;
import dev.gatehouse.proxy.route.DefaultCertificate;
import dev.gatehouse.proxy.server.ProxyConfig;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.CertificateBundle;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The migration's side by side: two local proxies on loopback, one serving the old rules (the selected Ingresses,
 * as ingress-nginx serves them) and one the generated Gateway API objects, each on its own HTTPS and HTTP ports
 * (ephemeral unless given), both sending every proxied request to the same {@link StandInBackends} — local echo
 * servers standing for the Service ports, since the user's Pods are not reachable from a desktop. Both share one
 * controller default certificate, so a request without SNI compares. {@link #replay} sends the corpus through both
 * ({@link Replay}); while open, both keep serving for {@code curl --resolve}.
 */
public final class SideBySide implements AutoCloseable {

    /**
     * Where and how.
     *
     * @param oldHttps    HTTPS port of the Ingress proxy (0 = any free port)
     * @param oldHttp     HTTP port of the Ingress proxy
     * @param newHttps    HTTPS port of the Gateway proxy (serves listener port 443)
     * @param newHttp     HTTP port of the Gateway proxy (serves listener port 80)
     * @param timeout     bound of each step of each request (connect, handshake, answer)
     * @param parallelism requests in flight at once
     */
    public record Options(int oldHttps, int oldHttp, int newHttps, int newHttp, Duration timeout, int parallelism) {

        public static Options ephemeral() {
            return new Options(0, 0, 0, 0, Duration.ofSeconds(10), 4);
        }

        public Options withPorts(int oldHttps, int oldHttp, int newHttps, int newHttp) {
            return new Options(oldHttps, oldHttp, newHttps, newHttp, timeout, parallelism);
        }
    }

    /** Reports how far a replay is (called from the replay's threads). */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private final MigrationResult result;
    private final BehaviourDiff engine;
    private final StandInBackends standIns;
    private final LocalProxy oldProxy;
    private final LocalProxy newProxy;
    private final Map<String, String> certificates;
    private final Options options;

    private SideBySide(MigrationResult result, BehaviourDiff engine, StandInBackends standIns, LocalProxy oldProxy,
                       LocalProxy newProxy, CertificateBundle fake, Options options) {
        this.result = result;
        this.engine = engine;
        this.standIns = standIns;
        this.oldProxy = oldProxy;
        this.newProxy = newProxy;
        this.options = options;
        this.certificates = new HashMap<>();
        certificates.put(fake.fingerprintSha256(), "the controller's default certificate");
        certificates.put(standIns.certificate().fingerprintSha256(), "the stand-in backend's own certificate");
    }

    /**
     * Starts both proxies.
     *
     * @param input  the input the migration read
     * @param result the migration of that input
     * @throws ProxyStartException with a plain message (a port in use …); nothing stays open
     */
    public static SideBySide start(ClusterView input, MigrationResult result, ControllerProfile profile, Clock clock,
                                   TrustAnchors anchors, Options options) throws ProxyStartException {
        ClusterView beforeView = MigrationViews.before(input);
        ClusterView afterView = MigrationViews.after(input, result.plan());
        RoutingSnapshot before = new RoutingEngine(beforeView, profile, clock, anchors).snapshot();
        RoutingSnapshot after = new RoutingEngine(afterView, profile, clock, anchors).snapshot();
        CertificateBundle fake = DefaultCertificate.generate(clock.instant());
        StandInBackends standIns = new StandInBackends(clock);
        List<AutoCloseable> opened = new ArrayList<>(List.of(standIns));
        try {
            LocalProxy old = LocalProxy.builder(RuleSource.ofSnapshots("the Ingresses, as ingress-nginx serves them",
                            () -> beforeView, () -> before), clock).profile(profile).anchors(() -> anchors)
                    .config(ProxyConfig.defaults().withPorts(options.oldHttps(), options.oldHttp()))
                    .defaultCertificate(fake).backends(new BackendDirectory(List.of(shared(standIns)))).start();
            opened.add(old);
            LocalProxy neu = LocalProxy.builder(RuleSource.ofSnapshots("the generated Gateway API objects",
                            () -> afterView, () -> after), clock).profile(profile).anchors(() -> anchors)
                    .config(ProxyConfig.defaults().withPorts(options.newHttps(), options.newHttp()))
                    .defaultCertificate(fake).weightDraw(total -> 0)
                    .backends(new BackendDirectory(List.of(shared(standIns)))).start();
            return new SideBySide(result, new BehaviourDiff(before, after, result.plan()), standIns, old, neu, fake,
                    options);
        } catch (ProxyStartException | RuntimeException e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception ignored) {
                    // closing what was opened on the way out; the start failure is what matters
                }
            }
            throw e;
        }
    }

    /** The Ingress proxy (the old rules). */
    public LocalProxy oldProxy() {
        return oldProxy;
    }

    /** The Gateway proxy (the generated objects). */
    public LocalProxy newProxy() {
        return newProxy;
    }

    /** {@code old (Ingress) https=127.0.0.1:P http=127.0.0.1:P; new (Gateway) https=… http=…}. */
    public String readyLine() {
        StringBuilder s = new StringBuilder("old (Ingress) https=" + LocalProxy.hostPort(oldProxy.httpsAddress())
                + " http=" + LocalProxy.hostPort(oldProxy.httpAddress()) + "; new (Gateway) https="
                + LocalProxy.hostPort(newProxy.httpsAddress()) + " http=" + LocalProxy.hostPort(newProxy.httpAddress()));
        newProxy.listenerPorts().forEach((listener, local) -> {
            if (listener != 443 && listener != 80) {
                s.append(" listener ").append(listener).append("=127.0.0.1:").append(local);
            }
        });
        return s.toString();
    }

    /** Replays the migration's own corpus. */
    public DiffReport replay(Progress progress, java.util.function.BooleanSupplier cancelled)
            throws InterruptedException {
        return replay(result.corpus(), progress, cancelled);
    }

    /**
     * Sends every request through both proxies over real connections and compares the real answers.
     *
     * @param cancelled polled before each request; the calling thread's interrupt cancels too
     * @throws InterruptedException when cancelled (requests in flight finish within the timeout)
     */
    public DiffReport replay(List<Probe> corpus, Progress progress, java.util.function.BooleanSupplier cancelled)
            throws InterruptedException {
        return new Replay(this, corpus, progress, cancelled).run();
    }

    BehaviourDiff engine() {
        return engine;
    }

    Options options() {
        return options;
    }

    /** The local address that serves a request's scheme and port in one world. */
    InetSocketAddress address(boolean gatewayWorld, boolean https, int port) {
        LocalProxy p = gatewayWorld ? newProxy : oldProxy;
        InetSocketAddress standard = https ? p.httpsAddress() : p.httpAddress();
        if (!gatewayWorld) {
            return standard;
        }
        return p.localPortFor(port).stream().mapToObj(local -> new InetSocketAddress(standard.getAddress(), local))
                .findFirst().orElse(standard);
    }

    /** Local port → listener port of one world (its HTTPS port stands for 443, its HTTP port for 80). */
    Map<Integer, Integer> localToListener(boolean gatewayWorld) {
        LocalProxy p = gatewayWorld ? newProxy : oldProxy;
        Map<Integer, Integer> m = new HashMap<>();
        m.put(p.httpsAddress().getPort(), 443);
        m.put(p.httpAddress().getPort(), 80);
        if (gatewayWorld) {
            p.listenerPorts().forEach((listener, local) -> m.put(local, listener));
        }
        return m;
    }

    /** Known leaves by SHA-256: the default certificate, the stand-ins', and each Secret the engine names. */
    Map<String, String> certificates() {
        return Map.copyOf(certificates);
    }

    /** How many Service ports got a stand-in backend. */
    public int standInCount() {
        return standIns.count();
    }

    @Override
    public void close() {
        newProxy.close();
        oldProxy.close();
        standIns.close();
    }

    /** The one stand-in set behind both proxies; closed by {@link #close}, not by each proxy. */
    private static BackendSource shared(StandInBackends standIns) {
        return new BackendSource() {
            @Override
            public String name() {
                return standIns.name();
            }

            @Override
            public Optional<CompletableFuture<BackendTarget>> locate(BackendKey key) {
                return standIns.locate(key);
            }

            @Override
            public Optional<String> preview(BackendKey key) {
                return standIns.preview(key);
            }
        };
    }
}
