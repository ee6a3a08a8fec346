package dev.gatehouse.ui.proxy;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.session.SessionSnapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.function.Supplier;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.proxy.server.AccessLogEvent;
import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.server.ProxyConfig;
import dev.gatehouse.proxy.ReloadListener;
import dev.gatehouse.proxy.RuleSource;
import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.backend.BackendMappings;
import dev.gatehouse.proxy.backend.BackendSource;
import dev.gatehouse.demo.DemoBackendSource;
import dev.gatehouse.proxy.backend.PortForwardBackendSource;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.tls.build.Pem;
import dev.gatehouse.ui.common.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;

/**
 * The Proxy screen's state and commands: start/stop the local proxy on the live session's rules (the
 * snapshots of the session's routing service, so the proxy judges as the screens do),
 * the listener addresses, the rule source, the backend table (editable mappings), the live access
 * log (filterable, capped), curl lines and the request tester. Never touches a Node.
 */
public final class ProxyViewModel implements AutoCloseable {

    static final int LOG_CAP = 1000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final ReadOnlyObjectProperty<ClusterSession> session;
    private final ReadOnlyObjectProperty<RoutingService> routing;
    private final ReadOnlyObjectProperty<DemoCluster> demo;
    private final FxBackground background;
    private final StringProperty shellState;
    private final Path dataDir;
    private final Clock clock;
    private final BackendMappings mappings = new BackendMappings();
    private final AccessLogBuffer log = new AccessLogBuffer(LOG_CAP);
    private final FilteredList<AccessLogEvent> filteredLog = new FilteredList<>(log.rows());
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty logCount = new SimpleStringProperty("No requests yet");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty httpsPort = new SimpleStringProperty(String.valueOf(ProxyConfig.DEFAULT_HTTPS_PORT));
    private final StringProperty httpPort = new SimpleStringProperty(String.valueOf(ProxyConfig.DEFAULT_HTTP_PORT));
    private final StringProperty listening = new SimpleStringProperty("Not running");
    private final StringProperty source = new SimpleStringProperty("Rules: the connected cluster's, once started");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<BackendRow> backends = FXCollections.observableArrayList();
    private final ObservableList<String> curlLines = FXCollections.observableArrayList();
    private final ObservableList<ClientCertificateChoice> clientCertificates = FXCollections.observableArrayList();
    private final RequestTester tester;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile LocalProxy proxy; // read by the reload thread too
    private ClusterSession served;
    private RoutingService servedRouting;
    private volatile Path caFile;

    /**
     * @param session    the live session whose rules are served
     * @param routing    its routing service, whose snapshots the proxy serves
     * @param demo       the demo cluster, when one runs (its echo backends answer its Services)
     * @param background runs start, stop and the tester off the FX thread
     * @param shellState the status bar's proxy text
     * @param dataDir    where the demo CA is written for curl's --cacert
     * @param clock      "now" for the proxy (certificate validity, access log) and the log's times
     */
    public ProxyViewModel(ReadOnlyObjectProperty<ClusterSession> session, ReadOnlyObjectProperty<RoutingService> routing,
                          ReadOnlyObjectProperty<DemoCluster> demo, FxBackground background, StringProperty shellState,
                          Path dataDir, Clock clock) {
        this.clock = clock;
        this.session = session;
        this.routing = routing;
        this.demo = demo;
        this.background = background;
        this.shellState = shellState;
        this.dataDir = dataDir;
        this.tester = new RequestTester(background, () -> Optional.ofNullable(proxy), () -> Optional.ofNullable(caFile));
        filter.addListener((o, a, text) -> applyFilter(text));
        filteredLog.addListener((javafx.collections.ListChangeListener<AccessLogEvent>) c -> countLog());
        session.addListener((o, old, now) -> {
            if (proxy != null && now != served) {
                stop();
                problem.set("The connection changed: start the proxy again to serve "
                        + (now == null ? "another cluster" : now.contextName()) + ".");
            }
        });
    }

    private volatile Supplier<Optional<HasMetadata>> draft;
    private volatile String draftName = "";

    /** Starts the proxy on the connected cluster's rules (and the draft being served, if any). */
    public void start() {
        if (proxy != null || busy.get()) {
            return;
        }
        ClusterSession s = session.get();
        RoutingService r = routing.get();
        if (s == null || r == null) {
            problem.set("Connect to a cluster or open the demo cluster first: the proxy serves its Ingress and Gateway API rules.");
            return;
        }
        Optional<int[]> ports = ports();
        if (ports.isEmpty()) {
            return;
        }
        problem.set("");
        busy.set(true);
        DemoCluster d = demo.get() != null && DemoCluster.CONTEXT.equals(s.contextName()) ? demo.get() : null;
        RuleSource rules = rulesFor(s, r);
        Task<LocalProxy> task = new Task<>() {
            @Override
            protected LocalProxy call() throws Exception {
                updateTitle("Starting the local proxy…");
                List<BackendSource> sources = new ArrayList<>(List.of(mappings));
                if (d != null) {
                    sources.add(new DemoBackendSource(d));
                    caFile = Files.writeString(Files.createDirectories(dataDir.resolve("demo")).resolve("ca.pem"),
                            Pem.certificate(d.demoCaCertificate()));
                } else {
                    s.client().ifPresent(c -> sources.add(new PortForwardBackendSource(c, s.contextName())));
                    caFile = null;
                }
                return LocalProxy.builder(rules, clock).config(ProxyConfig.defaults().withPorts(ports.get()[0], ports.get()[1]))
                        .backends(new BackendDirectory(sources)).start();
            }
        };
        task.setOnSucceeded(e -> started(task.getValue(), s, r));
        task.setOnFailed(e -> {
            busy.set(false);
            Throwable t = task.getException();
            problem.set("The proxy did not start: " + (t == null || t.getMessage() == null ? "unknown error" : t.getMessage()));
        });
        background.run(task);
    }

    /**
     * The rules served: the routing service's newest snapshot, or the draft being served as an overlay on it
     * (judged with the snapshot's trust anchors).
     */
    private RuleSource rulesFor(ClusterSession s, RoutingService r) {
        Supplier<Optional<HasMetadata>> d = draft;
        String live = "live cluster " + s.contextName() + " (" + s.scope() + ")";
        if (d == null) {
            return RuleSource.ofSnapshots(live, r::view, () -> r.snapshot().routing());
        }
        return RuleSource.ofSnapshots("draft " + draftName + " over the " + live, r::view, () -> {
            SessionSnapshot base = r.snapshot();
            return d.get().map(i -> r.overlay(r.drafts().with(i), base)).orElse(base.routing());
        });
    }

    /**
     * Serves a draft (an Ingress or a Gateway API object, over the live rules): switches a running proxy without
     * dropping connections, or starts it.
     */
    public void serveDraft(String name, Supplier<Optional<HasMetadata>> object) {
        draft = object;
        draftName = name;
        if (proxy != null && served != null) {
            proxy.switchRules(rulesFor(served, servedRouting));
        } else {
            start();
        }
    }

    /** The served draft was edited: reload the rules. */
    public void draftChanged() {
        if (proxy != null && draft != null) {
            proxy.requestReload();
        }
    }

    private void started(LocalProxy p, ClusterSession s, RoutingService r) {
        busy.set(false);
        if (session.get() != s || routing.get() != r) {
            background.execute(p::close);
            return;
        }
        proxy = p;
        served = s;
        servedRouting = r;
        running.set(true);
        p.addAccessLogListener(log);
        p.addReloadListener(new ReloadListener() {
            @Override
            public void reloaded(RouteTable table) {
                refresh(table); // on the reload thread: the rows are made there, the FX thread only shows them
            }

            @Override
            public void failed(String message) {
                FxBackground.onFx(() -> problem.set("The rules were not reloaded (the previous ones stay): " + message));
            }
        });
        subscriptions.add(r.subscribe(snapshot -> p.requestReload()));
        String https = LocalProxy.hostPort(p.httpsAddress());
        String http = LocalProxy.hostPort(p.httpAddress());
        listening.set("Listening on https://" + https + " and http://" + http + " \u00b7 TLS: " + p.tlsProvider().description()
                + " \u00b7 sockets: " + p.transport());
        shellState.set("Proxy on " + https + " / :" + p.httpAddress().getPort());
        background.execute(() -> refresh(p.routes()));
        background.execute(() -> {
            List<ClientCertificateChoice> choices = ClientCertificates.from(s);
            FxBackground.onFx(() -> clientCertificates.setAll(choices));
        });
    }

    /** Stops the proxy; open connections are closed. */
    public void stop() {
        LocalProxy p = proxy;
        if (p == null) {
            return;
        }
        proxy = null;
        served = null;
        servedRouting = null;
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
        running.set(false);
        listening.set("Not running");
        shellState.set("Proxy not running");
        curlLines.clear();
        background.execute(p::close);
    }

    private Optional<int[]> ports() {
        try {
            int https = Integer.parseInt(httpsPort.get().trim());
            int http = Integer.parseInt(httpPort.get().trim());
            if (https < 0 || https > 65535 || http < 0 || http > 65535) {
                throw new NumberFormatException();
            }
            if (https != 0 && https == http) {
                problem.set("The HTTPS and HTTP ports must differ.");
                return Optional.empty();
            }
            return Optional.of(new int[] {https, http});
        } catch (NumberFormatException e) {
            problem.set("Ports must be numbers between 0 and 65535 (0 = any free port).");
        }
        return Optional.empty();
    }

    /**
     * Makes the backend rows and curl lines of {@code table} on the calling thread (never the FX thread: at a
     * thousand hosts every host's routes are walked) and shows them on the FX thread.
     */
    private void refresh(RouteTable table) {
        LocalProxy p = proxy;
        if (p == null) {
            return;
        }
        String rules = "Rules: " + table.source() + " \u00b7 " + table.ingressCount() + " Ingresses served \u00b7 loaded "
                + CLOCK.format(table.builtAt().atZone(ZoneId.systemDefault()));
        List<BackendRow> rows = new ArrayList<>();
        for (var key : table.backends()) {
            rows.add(new BackendRow(key, mappings.get(key.display()).map(Object::toString).orElse(""),
                    p.backends().preview(key)));
        }
        var lines = CurlLines.of(table, p.httpsAddress().getPort(), p.httpAddress().getPort(), Optional.ofNullable(caFile));
        FxBackground.onFx(() -> {
            if (proxy != p) {
                return; // stopped (or restarted) meanwhile
            }
            source.set(rules);
            backends.setAll(rows);
            curlLines.setAll(lines);
            tester.rulesChanged(table);
        });
    }

    /** Maps a Service port to a URL (blank: back to the automatic backend). */
    public void setBackendUrl(BackendRow row, String url) {
        try {
            mappings.put(row.key().display(), url);
            problem.set("");
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage() + ".");
        }
        LocalProxy p = proxy;
        if (p != null) {
            background.execute(() -> refresh(p.routes()));
        }
    }

    public void clearLog() {
        log.rows().clear();
    }

    private void applyFilter(String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        filteredLog.setPredicate(needle.isEmpty() ? null : e -> e.line().toLowerCase(Locale.ROOT).contains(needle));
        countLog();
    }

    private void countLog() {
        int shown = filteredLog.size();
        int all = log.rows().size();
        logCount.set(all == 0 ? "No requests yet" : shown == all ? all + (all == 1 ? " request" : " requests")
                : shown + " of " + all + " requests");
    }

    @Override
    public void close() {
        LocalProxy p = proxy;
        proxy = null;
        if (p != null) {
            p.close();
        }
    }

    public ObservableList<AccessLogEvent> log() { return filteredLog; }
    public StringProperty filterProperty() { return filter; }
    public StringProperty logCountProperty() { return logCount; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty httpsPortProperty() { return httpsPort; }
    public StringProperty httpPortProperty() { return httpPort; }
    public StringProperty listeningProperty() { return listening; }
    public StringProperty sourceProperty() { return source; }
    public StringProperty problemProperty() { return problem; }
    public ObservableList<BackendRow> backends() { return backends; }
    public ObservableList<String> curlLines() { return curlLines; }
    public ObservableList<ClientCertificateChoice> clientCertificates() { return clientCertificates; }
    public RequestTester tester() { return tester; }
}
