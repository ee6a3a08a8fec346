package dev.gatehouse.ui;

import dev.gatehouse.app.AppDirs;
import dev.gatehouse.cli.GuiOptions;
import dev.gatehouse.cluster.SessionSync;
import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real application window for a TestFX test, in its own home directory. */
final class GuiTestSupport {
    private final FxRobot robot = new FxRobot();
    private Application app;

    FxRobot robot() {
        return robot;
    }

    /** Starts the app with a fresh Gatehouse home and no kubeconfig (unless the options name one). */
    void start(Path home, GuiOptions options) throws TimeoutException {
        System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
        System.setProperty("kubeconfig", home.resolve("no-such-kubeconfig").toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new GatehouseApp(options));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Starts the app on the embedded demo cluster and waits until it is connected. */
    void startOnDemo(Path home) throws TimeoutException {
        start(home, new GuiOptions(true, Optional.empty(), Optional.empty()));
        awaitConnected();
    }

    /**
     * Waits until the window's connection badge says "Connected": the session is synced (every cache
     * listed and watching, see {@link SessionSync}) and the window shows it.
     */
    void awaitConnected() throws TimeoutException {
        await(SessionSync.DEFAULT.toSeconds(), () -> node("connection-badge", Label.class).getText().startsWith("Connected"));
    }

    /** For ViewModel tests: waits until the connection's session is synced and the view model says so. */
    static void awaitConnected(ConnectionViewModel connection) throws TimeoutException {
        await(SessionSync.DEFAULT.toSeconds(), () -> connection.sessionProperty().get() != null);
        SessionSync.awaitSynced(connection.sessionProperty().get());
        await(10, () -> connection.statusTextProperty().get().startsWith("Connected"));
    }

    /** On the Proxy screen: let the proxy pick free ports, so parallel runs and busy machines do not clash. */
    void useFreeProxyPorts() {
        robot.clickOn("#nav-proxy");
        robot.interact(() -> {
            node("proxy-https-port", TextField.class).setText("0");
            node("proxy-http-port", TextField.class).setText("0");
        });
    }

    void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    <T extends Node> T node(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    boolean exists(String id) {
        return robot.lookup("#" + id).tryQuery().isPresent();
    }

    boolean showing(String id) {
        return robot.lookup("#" + id).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    static void await(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
