package dev.gatehouse.proxy;

import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.route.DefaultCertificate;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.route.ServerTlsContexts;
import dev.gatehouse.proxy.route.TlsProvider;
import dev.gatehouse.proxy.route.UpstreamTlsContexts;
import dev.gatehouse.proxy.server.AccessLogEvent;
import dev.gatehouse.proxy.server.AccessLogSink;
import dev.gatehouse.proxy.server.ProxyConfig;
import dev.gatehouse.proxy.server.ProxyServer;
import dev.gatehouse.proxy.server.Transport;
import dev.gatehouse.proxy.route.WeightDraw;
import dev.gatehouse.proxy.server.ListenerPorts;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.CertificateBundle;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local TLS-terminating proxy: serves a {@link RuleSource}'s Ingress rules and certificates on
 * 127.0.0.1 the way ingress-nginx would, every request routed by the {@link RoutingEngine}. Reloading
 * swaps the rules and certificates for new requests and handshakes without dropping open connections.
 *
 * <pre>{@code
 * try (LocalProxy proxy = LocalProxy.builder(RuleSource.of("my draft", () -> overlay), clock)
 *         .config(ProxyConfig.defaults()).backends(directory).start()) {
 *     proxy.addAccessLogListener(e -> System.out.println(e.line()));
 *     ...
 *     proxy.requestReload(); // after the rules changed
 * }
 * }</pre>
 */
public final class LocalProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalProxy.class);
    /** Coalesces a burst of changes (an editor's save, kubectl applying many objects) into one reload. */
    private static final long RELOAD_DELAY_MS = 5;

    private final AtomicReference<RuleSource> rules;
    private final ControllerProfile profile;
    private final Clock clock;
    private final TrustAnchors anchors;
    private final ProxyConfig config;
    private final BackendDirectory backends;
    private final TlsProvider tls;
    private final ServerTlsContexts contexts;
    private final AtomicReference<RouteTable> table = new AtomicReference<>();
    private final Optional<String> gatewayClass;
    private final List<AccessLogListener> accessListeners = new CopyOnWriteArrayList<>();
    private final List<ReloadListener> reloadListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService reloader;
    private final Object reloadLock = new Object();
    private ScheduledFuture<?> pendingReload;
    private ProxyServer server;

    private LocalProxy(Builder b, TlsProvider tls, ServerTlsContexts contexts, TrustAnchors anchors) {
        this.rules = new AtomicReference<>(b.rules);
        this.profile = b.profile;
        this.clock = b.clock;
        this.anchors = anchors;
        this.config = b.config;
        this.backends = b.backends;
        this.tls = tls;
        this.contexts = contexts;
        this.gatewayClass = Optional.ofNullable(b.gatewayClass);
        this.reloader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-proxy-reload");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param rules what to serve
     * @param clock "now" for certificate validity, the default certificate's dates and the access log
     */
    public static Builder builder(RuleSource rules, Clock clock) {
        return new Builder(rules, clock);
    }

    /** Options of a proxy; {@link #start()} binds it. */
    public static final class Builder {
        private final RuleSource rules;
        private ProxyConfig config = ProxyConfig.defaults();
        private BackendDirectory backends = new BackendDirectory(List.of());
        private ControllerProfile profile = ControllerProfile.ingressNginx();
        private final Clock clock;
        private Supplier<TrustAnchors> anchors = TrustAnchors::jdkDefaults;
        private CertificateBundle defaultCertificate;
        private TlsProvider tlsProvider;
        private Transport transport;
        private String gatewayClass;
        private Map<Integer, Integer> listenerPorts = Map.of();
        private WeightDraw draw = WeightDraw.random();

        private Builder(RuleSource rules, Clock clock) {
            this.rules = Objects.requireNonNull(rules, "rules");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder config(ProxyConfig c) {
            this.config = Objects.requireNonNull(c);
            return this;
        }

        /** Where Service ports are reached; closed with the proxy. */
        public Builder backends(BackendDirectory d) {
            this.backends = Objects.requireNonNull(d);
            return this;
        }

        /** The controller to reproduce (IngressClass served, HSTS …). */
        public Builder profile(ControllerProfile p) {
            this.profile = Objects.requireNonNull(p);
            return this;
        }

        public Builder anchors(Supplier<TrustAnchors> a) {
            this.anchors = Objects.requireNonNull(a);
            return this;
        }

        /** The controller's default certificate; generated when not given. */
        public Builder defaultCertificate(CertificateBundle c) {
            this.defaultCertificate = c;
            return this;
        }

        /** The TLS implementation; detected when not given (BoringSSL, else the JDK with a log line). */
        public Builder tlsProvider(TlsProvider p) {
            this.tlsProvider = p;
            return this;
        }

        /** Serve only the Gateways of this GatewayClass (null: every Gateway of the input). */
        public Builder gatewayClass(String name) {
            this.gatewayClass = name == null || name.isBlank() ? null : name;
            return this;
        }

        /**
         * Gateway listener port → local port (0 = any free one). Unmapped, listener port 443 is served on the HTTPS
         * port, 80 on the HTTP port, every other listener port of the rules on a free local port.
         */
        public Builder listenerPorts(Map<Integer, Integer> ports) {
            this.listenerPorts = Map.copyOf(ports);
            return this;
        }

        /** How the backend of a weighted rule is drawn per request (random by default; tests fix it). */
        public Builder weightDraw(WeightDraw d) {
            this.draw = Objects.requireNonNull(d);
            return this;
        }

        /** The socket transport; the best available when not given (io_uring or epoll on Linux, else NIO). */
        public Builder transport(Transport t) {
            this.transport = t;
            return this;
        }

        /**
         * Reads the rules and binds both listeners.
         *
         * @throws ProxyStartException with a plain message; nothing stays bound
         */
        public LocalProxy start() throws ProxyStartException {
            TlsProvider provider = tlsProvider != null ? tlsProvider : TlsProvider.detect();
            if (provider.isBoringSsl()) {
                LOG.info("Proxy TLS: {}", provider.description());
            } else {
                LOG.warn("BoringSSL is not available; the proxy uses the JDK's TLS: {}", provider.description());
            }
            ServerTlsContexts contexts;
            try {
                contexts = new ServerTlsContexts(provider,
                        defaultCertificate != null ? defaultCertificate : DefaultCertificate.generate(clock.instant()));
            } catch (SSLException e) {
                throw new ProxyStartException("TLS cannot be set up: " + e.getMessage(), e);
            }
            LocalProxy proxy = new LocalProxy(this, provider, contexts, anchors.get());
            try {
                proxy.table.set(proxy.build());
            } catch (RuleSource.RuleSourceException e) {
                proxy.reloader.shutdownNow();
                throw new ProxyStartException("The rules cannot be read: " + e.getMessage(), e);
            }
            try {
                proxy.server = new ProxyServer(config, transport != null ? transport : Transport.best(),
                        proxy.table::get, backends, new UpstreamTlsContexts(provider, proxy.clock), proxy.accessLogSink(),
                        extras(proxy.table.get()), !listenerPorts.containsKey(443), !listenerPorts.containsKey(80), draw);
            } catch (RuntimeException e) {
                proxy.reloader.shutdownNow();
                throw new ProxyStartException("The proxy's sockets cannot be set up: " + e.getMessage(), e);
            }
            try {
                proxy.server.bind();
            } catch (BindException e) {
                proxy.reloader.shutdownNow();
                throw new ProxyStartException(e.getMessage() + portHint(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                proxy.reloader.shutdownNow();
                throw new ProxyStartException("Interrupted while starting", e);
            }
            LOG.info("Local proxy listening on https://{} and http://{} ({}) serving {}",
                    hostPort(proxy.httpsAddress()), hostPort(proxy.httpAddress()), proxy.transport(),
                    proxy.rules.get().describe());
            return proxy;
        }

        /** The local listeners for Gateway listener ports other than the HTTPS and HTTP ports. */
        private List<ListenerPorts.Extra> extras(RouteTable first) {
            Map<Integer, Boolean> ports = new java.util.TreeMap<>(first.listenerPorts());
            listenerPorts.keySet().forEach(p -> ports.putIfAbsent(p, p != 80));
            List<ListenerPorts.Extra> out = new java.util.ArrayList<>();
            ports.forEach((port, tls) -> {
                if (listenerPorts.containsKey(port) || port != 443 && port != 80) {
                    out.add(new ListenerPorts.Extra(port, listenerPorts.getOrDefault(port, 0), tls));
                }
            });
            return out;
        }

        private static String portHint(BindException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return m.contains("in use") ? " (another program uses the port: choose another one)" : "";
        }
    }

    private RouteTable build() throws RuleSource.RuleSourceException {
        RuleSource source = rules.get();
        RoutingSnapshot snapshot = source.snapshot(view -> new RoutingEngine(view, profile, clock, anchors).snapshot());
        if (gatewayClass.isPresent()) {
            snapshot = snapshot.withGatewayClass(gatewayClass.get());
        }
        return RouteTable.build(snapshot, contexts, source.describe(), clock);
    }

    /**
     * Reads the rules again now and puts them in force for new requests and handshakes. On failure the
     * previous rules stay and reload listeners hear why.
     */
    public void reload() {
        synchronized (reloadLock) {
            long started = System.nanoTime();
            try {
                RouteTable next = build();
                table.set(next);
                LOG.info("Proxy rules reloaded from {} in {} ms: {} Ingresses, {} Gateway listeners", next.source(),
                        (System.nanoTime() - started) / 1_000_000, next.ingressCount(), next.listeners().size());
                reloadListeners.forEach(l -> l.reloaded(next));
            } catch (RuleSource.RuleSourceException | RuntimeException e) {
                LOG.warn("Proxy rules not reloaded: {}", e.getMessage());
                reloadListeners.forEach(l -> l.failed(String.valueOf(e.getMessage())));
            }
        }
    }

    /** Reloads shortly, off the caller's thread; calls in quick succession make one reload. */
    public void requestReload() {
        synchronized (this) {
            if (pendingReload != null && !pendingReload.isDone() || reloader.isShutdown()) {
                return;
            }
            pendingReload = reloader.schedule(this::reload, RELOAD_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private AccessLogSink accessLogSink() {
        return new AccessLogSink() {
            @Override
            public void accept(AccessLogEvent event) {
                publish(event);
            }

            @Override
            public boolean wanted() {
                return !accessListeners.isEmpty();
            }
        };
    }

    private void publish(AccessLogEvent event) {
        for (AccessLogListener l : accessListeners) {
            try {
                l.onRequest(event);
            } catch (RuntimeException e) {
                LOG.warn("An access-log listener failed", e);
            }
        }
    }

    /** Adds a listener; run the returned action to remove it. */
    public Runnable addAccessLogListener(AccessLogListener listener) {
        accessListeners.add(listener);
        return () -> accessListeners.remove(listener);
    }

    /** Adds a listener; run the returned action to remove it. */
    public Runnable addReloadListener(ReloadListener listener) {
        reloadListeners.add(listener);
        return () -> reloadListeners.remove(listener);
    }

    /** The rules and certificates in force. */
    public RouteTable routes() {
        return table.get();
    }

    public InetSocketAddress httpsAddress() {
        return server.httpsAddress();
    }

    public InetSocketAddress httpAddress() {
        return server.httpAddress();
    }

    /** Gateway listener port → the local port serving it (443 and 80 on the HTTPS and HTTP ports unless mapped). */
    public Map<Integer, Integer> listenerPorts() {
        return server.listenerPorts().bindings();
    }

    /** The local port serving a Gateway listener port, if the proxy serves it. */
    public OptionalInt localPortFor(int listenerPort) {
        return server.listenerPorts().localPort(listenerPort);
    }

    public TlsProvider tlsProvider() {
        return tls;
    }

    /** {@code io_uring}, {@code epoll} or {@code NIO}: the socket transport the listeners and backend connections use. */
    public String transport() {
        return server.transport().display();
    }

    /** The controller-style default certificate served when no TLS entry matches. */
    public CertificateBundle defaultCertificate() {
        return contexts.defaultCertificate();
    }

    public BackendDirectory backends() {
        return backends;
    }

    /**
     * Serves another rule source from now on (the live cluster, a draft overlay …) and reloads at once;
     * open connections stay. If the new source cannot be read, the previous rules stay in force.
     */
    public void switchRules(RuleSource next) {
        rules.set(Objects.requireNonNull(next, "next"));
        reload();
    }

    public ProxyConfig config() {
        return config;
    }

    /** Client connections open now. */
    public int openConnections() {
        return server.openConnections();
    }

    /** {@code 127.0.0.1:8443}. */
    public static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Stops listening, closes every connection and the backends' port-forwards. */
    @Override
    public void close() {
        reloader.shutdownNow();
        if (server != null) {
            server.close();
        }
        backends.close();
        LOG.info("Local proxy stopped");
    }
}
