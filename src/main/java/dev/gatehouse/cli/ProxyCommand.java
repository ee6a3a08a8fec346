package dev.gatehouse.cli;

import dev.gatehouse.app.AppDirs;
import dev.gatehouse.app.Scheduler;
import dev.gatehouse.app.AppClock;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.server.ProxyConfig;
import dev.gatehouse.proxy.ProxyStartException;
import dev.gatehouse.proxy.ReloadListener;
import dev.gatehouse.proxy.RuleSource;
import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.backend.BackendMappings;
import dev.gatehouse.proxy.backend.BackendSource;
import dev.gatehouse.proxy.backend.PortForwardBackendSource;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.server.Transport;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.model.ClassResolution;
import dev.gatehouse.session.ConnectionRoots;
import dev.gatehouse.session.RoutingInput;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.tls.ca.TrustPolicy;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import dev.gatehouse.proxy.route.DefaultCertificate;
import dev.gatehouse.tls.build.CertificateBundle;
import java.util.concurrent.CompletableFuture;

/**
 * {@code gatehouse proxy}: serves Ingress rules and Gateway listeners and their certificates locally, like the
 * controllers.
 * Prints one line when listening, one access-log line per request, and stops on Ctrl-C / SIGTERM.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs a local TLS-terminating proxy that serves the Ingress rules and certificates of YAML files"
                    + " (--manifests) or of a live cluster (--context), routed exactly as 'gatehouse explain' says.",
            "Gateway listeners (HTTPRoute, TLSRoute) are served too, on the local port mapped to each listener port"
                    + " (--listener-port; 443 on --https-port and 80 on --http-port by default).",
            "Like ingress-nginx it serves one IngressClass: the default class (and Ingresses without a class),"
                    + " or the one named with --ingress-class. Backends: --backend mappings first, then a"
                    + " port-forward to a ready Pod when a cluster is given. Rules are reloaded when the files or"
                    + " the cluster change, without dropping connections."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl-C or SIGTERM", "1:could not start (port in use …)", "2:bad input"})
public final class ProxyCommand implements Callable<Integer> {

    @Mixin
    private ClusterSourceOptions source = new ClusterSourceOptions();

    @Option(names = "--backend", paramLabel = "NAMESPACE/SERVICE:PORT=URL",
            description = "Send a Service port (PORT as the Ingress names it: number or name) to this URL (repeatable)")
    private List<String> backends = new ArrayList<>();

    @Option(names = "--https-port", paramLabel = "N", defaultValue = "8443", description = "HTTPS port (default: ${DEFAULT-VALUE})")
    private int httpsPort;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    private int httpPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; anything else is reachable from elsewhere)")
    private String bind;

    @Option(names = "--ingress-class", paramLabel = "NAME",
            description = "Serve this IngressClass instead of the default one")
    private String ingressClass;

    @Option(names = "--gateway-class", paramLabel = "NAME",
            description = "Serve only the Gateways of this GatewayClass (default: every Gateway of the input)")
    private String gatewayClass;

    @Option(names = "--listener-port", paramLabel = "PORT=LOCALPORT",
            description = "Serve Gateway listener port PORT on local port LOCALPORT (repeatable; 0 = any free port)."
                    + " Unmapped: 443 on --https-port, 80 on --http-port, others on a free port")
    private List<String> listenerPortMappings = new ArrayList<>();

    @Option(names = "--io-threads", paramLabel = "N",
            description = "Event-loop threads, 1 to 64 (default: one per two cores, ${DEFAULT-VALUE} here)")
    private int ioThreads = ProxyConfig.defaultIoThreads();

    @Option(names = "--quiet", description = "Do not print an access-log line per request")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    private final StopSignal stopSignal;

    public ProxyCommand() {
        this(new TerminationSignals());
    }

    ProxyCommand(StopSignal stopSignal) {
        this.stopSignal = stopSignal;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Transport.requestProblem().ifPresent(problem -> err.println("warning: " + problem));
        BackendMappings mappings = new BackendMappings();
        ProxyConfig config;
        java.util.Map<Integer, Integer> listenerPorts;
        try {
            listenerPorts = ListenerPortOption.parse(listenerPortMappings);
            if (gatewayClass != null && gatewayClass.isBlank()) {
                throw new IllegalArgumentException("--gateway-class needs a GatewayClass name");
            }
            backends.forEach(mappings::add);
            config = ProxyConfig.defaults().withPorts(httpsPort, httpPort).withBind(InetAddress.getByName(bind))
                    .withIoThreads(ioThreads);
        } catch (IllegalArgumentException | UnknownHostException e) {
            err.println("error: " + (e instanceof UnknownHostException ? "cannot resolve --bind " + bind : e.getMessage()));
            return 2;
        }
        if (!config.loopbackOnly()) {
            err.println("warning: listening on " + config.bindAddress().getHostAddress() + " makes the proxy (and the"
                    + " private keys it serves with) reachable from other machines");
        }
        AtomicReference<ClusterSession> session = new AtomicReference<>();
        List<AutoCloseable> cleanup = new ArrayList<>();
        // the fake certificate's RSA key takes a second to make: made while the rules are read
        CompletableFuture<CertificateBundle> fake =
                CompletableFuture.supplyAsync(() -> DefaultCertificate.generate(AppClock.system().instant()));
        try {
            Optional<RuleSource> rules = rules(session, err);
            if (rules.isEmpty()) {
                return 2;
            }
            List<BackendSource> sources = new ArrayList<>(List.of(mappings));
            if (session.get() == null && (source.context().isPresent() || source.kubeconfig().isPresent())) {
                openSession(session, err);
            }
            ClusterSession live = session.get();
            if (live != null) {
                cleanup.add(live);
                live.client().ifPresent(c -> sources.add(new PortForwardBackendSource(c, live.contextName())));
            }
            ControllerProfile profile = profile(rules.get(), err);
            TrustPolicy trust = TrustPolicy.standard(AppDirs.forCurrentUser().data());
            RoutingService routing = null;
            if (live != null && !(rules.get() instanceof YamlRuleSource)) {
                routing = routingService(live, profile, trust, cleanup);
                RoutingService r = routing;
                rules = Optional.of(RuleSource.ofSnapshots(rules.get().describe(), r::view, () -> r.snapshot().routing()));
            }
            LocalProxy proxy;
            try {
                proxy = LocalProxy.builder(rules.get(), AppClock.system()).config(config).profile(profile).anchors(trust::anchors)
                        .defaultCertificate(fake.join())
                        .gatewayClass(gatewayClass).listenerPorts(listenerPorts)
                        .backends(new BackendDirectory(sources)).start();
            } catch (ProxyStartException e) {
                err.println("gatehouse proxy: " + e.getMessage());
                return 1;
            }
            cleanup.add(0, proxy);
            watch(proxy, rules.get(), routing, cleanup, err);
            if (!quiet) {
                proxy.addAccessLogListener(e -> print(out, e.line()));
            }
            RouteTable table = proxy.routes();
            stopSignal.arm();
            print(out, "Gatehouse proxy listening on https://" + LocalProxy.hostPort(proxy.httpsAddress())
                    + " and http://" + LocalProxy.hostPort(proxy.httpAddress()) + " \u2014 " + table.ingressCount()
                    + " Ingress" + (table.ingressCount() == 1 ? "" : "es") + " of class " + profile.className()
                    + " from " + rules.get().describe() + "; TLS: " + proxy.tlsProvider().description()
                    + "; sockets: " + proxy.transport());
            ListenerPortOption.readyLines(proxy, gatewayClass).forEach(line -> print(out, line));
            stopSignal.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            for (AutoCloseable c : cleanup) {
                try {
                    c.close();
                } catch (Exception e) {
                    err.println("warning: " + e.getMessage());
                }
            }
        }
    }

    private Optional<RuleSource> rules(AtomicReference<ClusterSession> session, PrintWriter err) {
        if (!source.files().isEmpty()) {
            YamlRuleSource yaml = new YamlRuleSource(source.files());
            try {
                yaml.read();
            } catch (RuleSource.RuleSourceException e) {
                err.println("error: " + e.getMessage());
                return Optional.empty();
            }
            return Optional.of(yaml);
        }
        if (!source.live()) {
            err.println("error: no rules: pass --manifests FILE|DIR (repeatable) or --context NAME for a live cluster");
            return Optional.empty();
        }
        return ClusterSource.report(new LiveClusterSource(source, session::set).open(), err).map(ready -> {
            ClusterView view = ready.view();
            return RuleSource.of("context " + session.get().contextName(), () -> view);
        });
    }

    /** A session for port-forwards when the rules come from files but a cluster was named. */
    private void openSession(AtomicReference<ClusterSession> session, PrintWriter err) {
        ClusterSource.Opened opened = new LiveClusterSource(source, session::set).open();
        if (opened instanceof ClusterSource.Unavailable u) {
            u.messages().forEach(m -> err.println("warning: no port-forwards: " + m));
        }
    }

    /** The default profile, or the named class with its controller (as its IngressClass says, if present). */
    private ControllerProfile profile(RuleSource rules, PrintWriter err) {
        ControllerProfile base = ControllerProfile.ingressNginx();
        if (ingressClass == null || ingressClass.isBlank()) {
            return base;
        }
        String controller = base.controllerName();
        try {
            controller = rules.read().ingressClasses().stream()
                    .filter(c -> ingressClass.equals(c.getMetadata().getName()))
                    .map(ClassResolution::controllerOf).filter(s -> !s.isEmpty()).findFirst().orElse(controller);
        } catch (RuleSource.RuleSourceException e) {
            err.println("warning: " + e.getMessage());
        }
        return new ControllerProfile(ingressClass, controller, base.sslPassthroughEnabled(),
                base.watchIngressWithoutClass(), base.hsts());
    }

    /**
     * The live session's one routing service (the GUI's trust policy, the demo CA when it is the demo): the proxy
     * serves its snapshots. Closed with the command.
     */
    private static RoutingService routingService(ClusterSession live, ControllerProfile profile, TrustPolicy trust,
                                                 List<AutoCloseable> cleanup) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-routing");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-routing-timer");
            t.setDaemon(true);
            return t;
        });
        RoutingService service = RoutingService.start(RoutingInput.session(live, ConnectionRoots.demo(live, Optional.empty())),
                profile, AppClock.system(), trust, worker, Scheduler.of(timer));
        cleanup.add(worker::shutdownNow);
        cleanup.add(timer::shutdownNow);
        cleanup.add(service);
        return service;
    }

    /** Reloads when the files change (checked every second) or the routing service publishes a new snapshot. */
    private void watch(LocalProxy proxy, RuleSource rules, RoutingService live, List<AutoCloseable> cleanup,
                       PrintWriter err) {
        proxy.addReloadListener(new ReloadListener() {
            @Override
            public void reloaded(RouteTable table) {
                print(err, "rules reloaded: " + table.ingressCount() + " Ingresses, " + table.listeners().size()
                        + " Gateway listeners");
            }

            @Override
            public void failed(String message) {
                print(err, "warning: rules not reloaded, the previous ones stay in force: " + message);
            }
        });
        if (rules instanceof YamlRuleSource yaml) {
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gatehouse-proxy-watch");
                t.setDaemon(true);
                return t;
            });
            AtomicReference<String> last = new AtomicReference<>(yaml.fingerprint());
            Runnable check = () -> {
                String now = yaml.fingerprint();
                if (!now.equals(last.getAndSet(now))) {
                    proxy.requestReload();
                }
            };
            // the operating system's file events reload at once; the poll is the backstop where they do not exist
            FileChangeWatch.start(yaml.paths(), () -> poller.execute(check)).ifPresent(cleanup::add);
            poller.scheduleWithFixedDelay(check, 1, 1, TimeUnit.SECONDS);
            cleanup.add(poller::shutdownNow);
        } else if (live != null) {
            cleanup.add(live.subscribe(snapshot -> proxy.requestReload())::cancel);
        }
    }

    private static void print(PrintWriter writer, String line) {
        synchronized (writer) {
            writer.println(line);
            writer.flush();
        }
    }
}
