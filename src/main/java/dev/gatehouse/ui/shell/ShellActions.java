package dev.gatehouse.ui.shell;

import dev.gatehouse.proxy.route.TlsProvider;
import dev.gatehouse.ui.common.connection.ClusterOpener;
import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import java.io.File;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** Window-level commands that need a dialog or a file chooser; menus and buttons call these. */
public final class ShellActions implements ClusterOpener {
    /** Commands screens register for the menus (a screen registers when it is first shown). */
    public static final String IMPORT_CERTIFICATES = "certificates.import";
    public static final String RENEW_CERTIFICATE = "certificates.renew";
    public static final String BACKUPS = "certificates.backups";
    public static final String EXPORT_LOCAL_CA = "certificates.export-ca";
    /** Opens the Live probe window (registered by the wiring). */
    public static final String LIVE_PROBE = "probe.window";

    private final java.util.Map<String, Runnable> commands = new java.util.HashMap<>();
    private final Stage stage;
    private final ConnectionViewModel connection;
    private final Image icon;
    private final CompletionStage<TlsProvider> tls;

    /** {@code tls} completes once the provider is known (it is detected while the window opens). */
    public ShellActions(Stage stage, ConnectionViewModel connection, Image icon, CompletionStage<TlsProvider> tls) {
        this.stage = stage;
        this.connection = connection;
        this.icon = icon;
        this.tls = tls;
    }

    /** Makes a screen's command reachable from the menus. */
    public void register(String command, Runnable action) {
        commands.put(command, action);
    }

    /** Runs a registered command (nothing when its screen has not registered it). */
    public void run(String command) {
        Runnable action = commands.get(command);
        if (action != null) {
            action.run();
        }
    }

    @Override
    public void openKubeconfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open kubeconfig");
        File kubeDir = new File(System.getProperty("user.home"), ".kube");
        if (kubeDir.isDirectory()) {
            chooser.setInitialDirectory(kubeDir);
        }
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            connection.openKubeconfig(file.toPath());
        }
    }

    @Override
    public void openDemoCluster() {
        connection.openDemoCluster();
    }

    public void reload() {
        connection.reload();
    }

    public void about() {
        // Never waits on the FX thread: the dialog opens as soon as the provider is known.
        tls.thenAcceptAsync(provider -> new AboutDialog(stage, icon, provider).show(), Platform::runLater);
    }

    public void quit() {
        stage.close();
        Platform.exit();
    }
}
