package dev.gatehouse;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.app.AppDirs;
import dev.gatehouse.app.Logging;
import dev.gatehouse.cli.GatehouseCommand;
import dev.gatehouse.proxy.LeakDetectionDefault;
import dev.gatehouse.ui.GatehouseApp;
import java.time.Clock;
import org.slf4j.LoggerFactory;

/**
 * Entry point: the GUI with no arguments (or only GUI options), a headless sub-command otherwise.
 * Must not extend {@code Application}: JavaFX is on the class path, not the module path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Logging.init(AppDirs.forCurrentUser());
        Clock clock;
        try {
            clock = AppClock.system();
        } catch (AppClock.InvalidOffsetException e) {
            // Neither the window nor a command may run with a silently wrong "now".
            LoggerFactory.getLogger(Main.class).error("Not starting: {}", e.getMessage());
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        AppClock.notice().ifPresent(LoggerFactory.getLogger(Main.class)::info);
        LeakDetectionDefault.apply();
        int code = GatehouseCommand.commandLine(options -> GatehouseApp.launchAndWait(options, clock)).execute(args);
        System.exit(code);
    }
}
