package dev.gatehouse.ui;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.app.AppDirs;
import dev.gatehouse.app.Version;
import dev.gatehouse.cli.GuiOptions;
import dev.gatehouse.proxy.route.TlsProvider;
import dev.gatehouse.tls.ca.TrustPolicy;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import dev.gatehouse.ui.common.probe.ProbeServices;
import dev.gatehouse.ui.common.probe.ProbeWindow;
import dev.gatehouse.ui.proxy.ProxyViewModel;
import dev.gatehouse.ui.common.diagnostics.LiveDiagnostics;
import dev.gatehouse.ui.common.settings.SettingsStore;
import dev.gatehouse.ui.shell.MainWindow;
import dev.gatehouse.ui.shell.ShellActions;
import dev.gatehouse.ui.shell.ShellViewModel;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: wires view models, views and background services for one window. */
public class GatehouseApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(GatehouseApp.class);
    /** Hand-over from {@link #launchAndWait}: JavaFX instantiates the application class itself. */
    private static final AtomicReference<Launch> LAUNCH = new AtomicReference<>();

    private final GuiOptions options;
    private final Clock clock;
    private FxBackground background;
    private ConnectionViewModel connection;
    private ShellViewModel shell;
    private ProxyViewModel proxy;

    /** What {@link #launchAndWait} hands over. */
    private record Launch(GuiOptions options, Clock clock) {
    }

    public GatehouseApp() {
        this(Optional.ofNullable(LAUNCH.get()).orElseGet(() -> new Launch(GuiOptions.defaults(), AppClock.system())));
    }

    private GatehouseApp(Launch launch) {
        this(launch.options(), launch.clock());
    }

    /** The window with the provided clock ({@link AppClock#system()}). */
    public GatehouseApp(GuiOptions options) {
        this(options, AppClock.system());
    }

    /** @param clock "now" for every screen and the demo cluster's certificates */
    public GatehouseApp(GuiOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** Opens the window and blocks until it closes. */
    public static int launchAndWait(GuiOptions options, Clock clock) {
        LAUNCH.set(new Launch(options, clock));
        Application.launch(GatehouseApp.class);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.forCurrentUser();
        LOG.info("Gatehouse {} starting on Java {}", Version.current(), Version.java());
        // Loading BoringSSL (~0.5 s) and reading kubeconfig wait for the first frame; only About waits for TLS.
        CompletableFuture<TlsProvider> tls = new CompletableFuture<>();
        tls.thenAccept(provider -> LOG.info("TLS provider: {}", provider.description()));
        background = new FxBackground();
        // One trust policy and one clock for the whole window: every session's routing service reads them.
        TrustPolicy trust = TrustPolicy.standard(dirs.data());
        connection = new ConnectionViewModel(background, dirs, trust, clock);
        SettingsStore store = new SettingsStore(dirs.settingsFile());
        shell = new ShellViewModel(store, connection);
        List<Image> icons = icons();
        ShellActions actions = new ShellActions(stage, connection, icons.get(icons.size() - 1), tls);
        LiveDiagnostics diagnostics = new LiveDiagnostics(connection.routingProperty());
        proxy = new ProxyViewModel(connection.sessionProperty(), connection.routingProperty(), connection.demoProperty(),
                background, shell.proxyStateProperty(), dirs.data(), clock);
        ProbeWindow probes = new ProbeWindow(stage, new ProbeServices(diagnostics.snapshotProperty(),
                connection.probeResultsProperty(), connection.sessionProperty(), clock, background));
        actions.register(ShellActions.LIVE_PROBE, probes::open);
        Screens screens = new Screens(shell, actions, background, diagnostics, dirs, proxy, clock, probes);
        StartupProbe.attachIfRequested(stage);
        FirstFrame.then(stage, () -> {
            connection.start(options, shell.settings());
            CompletableFuture.runAsync(() -> tls.complete(TlsProvider.detect()));
        });
        new MainWindow(stage, shell, screens::create, actions, background).show(icons.toArray(Image[]::new));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (background != null) {
            background.close();
        }
        LOG.info("Gatehouse stopped");
    }

    /** The window icons from icons/, smallest first. */
    static List<Image> icons() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream in = GatehouseApp.class.getResourceAsStream("/dev/gatehouse/icons/gatehouse-" + size + ".png")) {
                if (in != null) {
                    out.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                LOG.warn("Could not read window icon {}px: {}", size, e.toString());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("window icons missing from the build (icons/*.png)");
        }
        return out;
    }
}
