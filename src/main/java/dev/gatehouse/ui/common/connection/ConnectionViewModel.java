package dev.gatehouse.ui.common.connection;

import dev.gatehouse.app.AppDirs;
import dev.gatehouse.cli.GuiOptions;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.ConnectionState;
import dev.gatehouse.cluster.KubeContext;
import dev.gatehouse.cluster.KubeconfigException;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.probe.ProbeResults;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.session.ConnectionRoots;
import dev.gatehouse.session.RoutingInput;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.tls.ca.TrustPolicy;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.settings.Settings;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection: which kubeconfig, context and namespace, the live {@link ClusterSession}, its
 * state as a badge, the session's one {@link RoutingService} (created with the session, closed with it), its
 * live probe results ({@link ProbeResults}: every screen sees the same) and the embedded demo cluster. Every cluster call runs off the FX thread; results come back through
 * {@link FxBackground#onFx}.
 */
public final class ConnectionViewModel implements AutoCloseable {
    public static final String ALL_NAMESPACES = "All namespaces";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionViewModel.class);

    /** A context that connected, to be remembered in the settings. */
    public record RememberedContext(String context, String kubeconfig) {
    }

    private final FxBackground background;
    private final AppDirs dirs;
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedContext = new SimpleObjectProperty<>();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList(ALL_NAMESPACES);
    private final ObjectProperty<String> selectedNamespace = new SimpleObjectProperty<>(ALL_NAMESPACES);
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.UNKNOWN);
    private final StringProperty statusText = new SimpleStringProperty("Not connected");
    private final StringProperty statusDetail = new SimpleStringProperty("");
    private final BooleanProperty retryable = new SimpleBooleanProperty();
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private final BooleanProperty noKubeconfig = new SimpleBooleanProperty();
    private final StringProperty sourceProblem = new SimpleStringProperty("");
    private final StringProperty statusMessage = new SimpleStringProperty("");
    private final ObjectProperty<RememberedContext> rememberContext = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ClusterSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RoutingService> routing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ProbeResults> probes = new ReadOnlyObjectWrapper<>();
    private final TrustPolicy trust;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<DemoCluster> demo = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty demoStarting = new SimpleBooleanProperty();

    private KubeconfigSource source;
    private final javafx.beans.property.ReadOnlyObjectWrapper<KubeconfigSource> sourceView =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private boolean switching;
    /** Set by {@link #start} when no kubeconfig was asked for: an empty environment opens the demo cluster. */
    private boolean demoWhenEmpty;
    /** Why the demo cluster is being opened without being asked for ("No kubeconfig found (…)."), or "". */
    private String demoNote = "";

    /** With the data directory's trust policy. */
    public ConnectionViewModel(FxBackground background, AppDirs dirs, Clock clock) {
        this(background, dirs, TrustPolicy.standard(dirs.data()), clock);
    }

    /**
     * @param trust the roots trusted on every connection (the routing services read it)
     * @param clock "now" for the routing services and the demo cluster's certificate dates
     */
    public ConnectionViewModel(FxBackground background, AppDirs dirs, TrustPolicy trust, Clock clock) {
        this.background = background;
        this.dirs = dirs;
        this.trust = trust;
        this.clock = clock;
        selectedContext.addListener((obs, old, now) -> {
            if (!switching && now != null && !now.equals(old)) {
                selectedNamespace.set(ALL_NAMESPACES);
                connect();
            }
        });
        selectedNamespace.addListener((obs, old, now) -> {
            if (!switching && now != null && !now.equals(old)) {
                connect();
            }
        });
    }

    /** First connection: command-line options first, then the remembered context, then current-context. */
    public void start(GuiOptions options, Settings settings) {
        if (options.demo()) {
            openDemoCluster();
            return;
        }
        Optional<Path> file = options.kubeconfig()
                .or(() -> settings.lastKubeconfig().filter(k -> options.context().isEmpty()).map(Path::of)
                        .filter(p -> p.toFile().isFile() && !p.startsWith(dirs.data())));
        String wanted = options.context().or(settings::lastContext).orElse(null);
        demoWhenEmpty = options.demoWhenNoKubeconfig() && file.isEmpty() && options.context().isEmpty();
        loadSource(file, wanted);
    }

    public void openKubeconfig(Path file) {
        loadSource(Optional.of(file), null);
    }

    /** Starts the embedded demo cluster (once) and connects to it. */
    public void openDemoCluster() {
        DemoCluster running = demo.get();
        if (running != null) {
            loadSource(Optional.of(running.kubeconfig()), running.contextName());
            return;
        }
        if (demoStarting.get()) {
            return;
        }
        demoStarting.set(true);
        Path kubeconfig = dirs.data().resolve("demo").resolve("kubeconfig");
        Task<DemoCluster> task = new Task<>() {
            @Override
            protected DemoCluster call() throws Exception {
                updateTitle("Starting the demo cluster…");
                updateProgress(-1, 1);
                return DemoCluster.start(kubeconfig, clock);
            }
        };
        task.setOnSucceeded(e -> {
            demoStarting.set(false);
            DemoCluster started = task.getValue();
            demo.set(started);
            statusMessage.set((demoNote.isEmpty() ? "" : demoNote + " ") + "Demo cluster started: " + started.kubectlCommand());
            loadSource(Optional.of(started.kubeconfig()), started.contextName());
        });
        task.setOnFailed(e -> {
            demoStarting.set(false);
            LOG.warn("Demo cluster failed to start", task.getException());
            showState(Status.ERROR, "Demo cluster failed", plain(task.getException()), false);
            statusMessage.set("The demo cluster could not start: " + plain(task.getException()));
        });
        background.run(task);
    }

    /** Ctrl+R: drop the caches and connect again to the same context and namespace. */
    public void reload() {
        if (source != null) {
            statusMessage.set("Reloading " + selectedContext.get());
            connect();
        }
    }

    public void retry() {
        ClusterSession s = session.get();
        if (s != null) {
            statusMessage.set("Retrying " + selectedContext.get());
            background.execute(s::retry);
        } else {
            connect();
        }
    }

    private void loadSource(Optional<Path> file, String wantedContext) {
        connecting.set(true);
        Task<KubeconfigSource> task = new Task<>() {
            @Override
            protected KubeconfigSource call() throws KubeconfigException {
                updateTitle("Reading kubeconfig…");
                return file.isPresent() ? KubeconfigSource.fromFile(file.get()) : KubeconfigSource.fromEnvironment();
            }
        };
        task.setOnSucceeded(e -> useSource(task.getValue(), wantedContext));
        task.setOnFailed(e -> {
            connecting.set(false);
            sourceProblem.set(plain(task.getException()));
            showState(Status.ERROR, "Kubeconfig unusable", plain(task.getException()), false);
            statusMessage.set(plain(task.getException()));
        });
        background.run(task);
    }

    private void useSource(KubeconfigSource newSource, String wantedContext) {
        source = newSource;
        sourceView.set(newSource);
        sourceProblem.set("");
        List<String> names = newSource.contexts().stream().map(KubeContext::name).toList();
        noKubeconfig.set(names.isEmpty());
        switching = true;
        try {
            contexts.setAll(names);
            String pick = wantedContext != null && names.contains(wantedContext) ? wantedContext
                    : newSource.currentContext().filter(names::contains).orElse(names.isEmpty() ? null : names.get(0));
            selectedContext.set(pick);
            selectedNamespace.set(ALL_NAMESPACES);
        } finally {
            switching = false;
        }
        boolean demoInstead = demoWhenEmpty;
        demoWhenEmpty = false;
        if (names.isEmpty()) {
            connecting.set(false);
            closeSession();
            String why = sentence(newSource.emptyReason().orElse("no kubeconfig found (KUBECONFIG or ~/.kube/config)"));
            showState(Status.UNKNOWN, "No kubeconfig", why + " Open a kubeconfig, or the demo cluster.", false);
            if (demoInstead) {
                demoNote = why + " Showing the built-in demo cluster; File → Open kubeconfig… opens yours.";
                statusMessage.set(demoNote);
                openDemoCluster();
            }
            return;
        }
        connect();
    }

    /** "no kubeconfig found (…)" → "No kubeconfig found (…)." */
    private static String sentence(String text) {
        String t = text.strip();
        String capital = t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }

    private void connect() {
        String context = selectedContext.get();
        if (source == null || context == null) {
            return;
        }
        closeSession();
        String ns = selectedNamespace.get();
        NamespaceScope scope = ns == null || ALL_NAMESPACES.equals(ns) ? NamespaceScope.all() : NamespaceScope.only(ns);
        connecting.set(true);
        showState(Status.UNKNOWN, "Connecting…", "Connecting to " + context, false);
        KubeconfigSource from = source;
        background.execute(() -> {
            ClusterSession opened;
            try {
                opened = ClusterSession.open(from, context, scope, FxBackground::onFx);
            } catch (KubeconfigException e) {
                FxBackground.onFx(() -> {
                    connecting.set(false);
                    showState(Status.ERROR, "Context unusable", plain(e), false);
                    statusMessage.set(plain(e));
                });
                return;
            }
            FxBackground.onFx(() -> {
                if (!context.equals(selectedContext.get()) || from != source) {
                    background.execute(opened::close); // the user moved on meanwhile
                    return;
                }
                routing.set(routingFor(opened));
                probes.set(new ProbeResults());
                session.set(opened);
                opened.onStateChange(state -> FxBackground.onFx(() -> {
                    if (session.get() == opened) {
                        onState(context, from, opened, state);
                    }
                }));
                onState(context, from, opened, opened.state());
            });
        });
    }

    private void onState(String context, KubeconfigSource from, ClusterSession s, ConnectionState state) {
        if (state instanceof ConnectionState.Connecting) {
            connecting.set(true);
            showState(Status.UNKNOWN, "Connecting…", "Connecting to " + context, false);
        } else if (state instanceof ConnectionState.Connected c) {
            connecting.set(false);
            showState(Status.OK, "Connected · " + c.serverVersion(), "Connected to " + context, false);
            statusMessage.set("Connected to " + context + " (" + c.serverVersion() + ")"
                    + (demoNote.isEmpty() ? "" : ". " + demoNote));
            demoNote = "";
            rememberContext.set(new RememberedContext(context, from.files().isEmpty() ? null : from.files().get(0).toString()));
            loadNamespaces(s);
        } else if (state instanceof ConnectionState.Degraded d) {
            connecting.set(false);
            showState(Status.WARNING, "Degraded · " + d.serverVersion(), String.join("\n", d.problems()), false);
            loadNamespaces(s);
        } else if (state instanceof ConnectionState.Throttled t) {
            connecting.set(false);
            showState(Status.WARNING, "Throttled", t.reason(), false);
            statusMessage.set(context + ": " + t.reason());
        } else if (state instanceof ConnectionState.Unreachable u) {
            connecting.set(false);
            showState(Status.ERROR, "Unreachable", u.reason(), true);
            statusMessage.set(context + " is unreachable: " + u.reason());
        }
    }

    private void loadNamespaces(ClusterSession s) {
        s.namespaces().thenAccept(list -> FxBackground.onFx(() -> {
            if (session.get() != s) {
                return;
            }
            String keep = selectedNamespace.get();
            switching = true;
            try {
                namespaces.setAll(ALL_NAMESPACES);
                namespaces.addAll(list);
                selectedNamespace.set(namespaces.contains(keep) ? keep : ALL_NAMESPACES);
            } finally {
                switching = false;
            }
        }));
    }

    private void showState(Status s, String text, String detail, boolean canRetry) {
        status.set(s);
        statusText.set(text);
        statusDetail.set(detail);
        retryable.set(canRetry);
    }

    /** The session's one routing service: this trust policy, plus the demo CA while connected to the demo. */
    private RoutingService routingFor(ClusterSession s) {
        DemoCluster d = demo.get();
        Optional<X509Certificate> demoCa = d != null && d.contextName().equals(s.contextName())
                ? Optional.of(d.demoCaCertificate()) : Optional.empty();
        return RoutingService.start(RoutingInput.session(s, ConnectionRoots.demo(s, demoCa)),
                ControllerProfile.ingressNginx(), clock, trust, background::execute, background.scheduler());
    }

    private void closeSession() {
        ClusterSession old = session.get();
        RoutingService oldRouting = routing.get();
        session.set(null);
        routing.set(null);
        probes.set(null);
        if (oldRouting != null) {
            oldRouting.close();
        }
        if (old != null) {
            background.execute(old::close);
        }
    }

    static String plain(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        RoutingService r = routing.get();
        if (r != null) {
            r.close();
        }
        ClusterSession s = session.get();
        if (s != null) {
            s.close();
        }
        DemoCluster d = demo.get();
        if (d != null) {
            d.close();
        }
    }

    public ObservableList<String> contexts() { return contexts; }
    public ObjectProperty<String> selectedContextProperty() { return selectedContext; }
    public ObservableList<String> namespaces() { return namespaces; }
    public ObjectProperty<String> selectedNamespaceProperty() { return selectedNamespace; }
    public ObjectProperty<Status> statusProperty() { return status; }
    public StringProperty statusTextProperty() { return statusText; }
    public StringProperty statusDetailProperty() { return statusDetail; }
    public BooleanProperty retryableProperty() { return retryable; }
    public BooleanProperty connectingProperty() { return connecting; }
    public BooleanProperty noKubeconfigProperty() { return noKubeconfig; }
    public StringProperty sourceProblemProperty() { return sourceProblem; }
    public StringProperty statusMessageProperty() { return statusMessage; }
    public ObjectProperty<RememberedContext> rememberContextProperty() { return rememberContext; }
    public ReadOnlyObjectProperty<ClusterSession> sessionProperty() { return session.getReadOnlyProperty(); }
    /** The connected session's routing service (null when not connected); set before {@link #sessionProperty()}. */
    public ReadOnlyObjectProperty<RoutingService> routingProperty() { return routing.getReadOnlyProperty(); }
    /** The live probe results of the connected session (null when not connected); set before the session. */
    public ReadOnlyObjectProperty<ProbeResults> probeResultsProperty() { return probes.getReadOnlyProperty(); }
    public TrustPolicy trust() { return trust; }
    /** The kubeconfig the window reads (all files of KUBECONFIG, a file opened, or the demo's). */
    public javafx.beans.property.ReadOnlyObjectProperty<KubeconfigSource> sourceProperty() {
        return sourceView.getReadOnlyProperty();
    }
    public Clock clock() { return clock; }
    public ReadOnlyObjectProperty<DemoCluster> demoProperty() { return demo.getReadOnlyProperty(); }
    public BooleanProperty demoStartingProperty() { return demoStarting; }
}
