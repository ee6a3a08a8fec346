package dev.gatehouse.ui;

import dev.gatehouse.app.AppClock;
import java.time.Clock;
import java.time.Duration;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Start-up measurement for {@code bench/startup.sh} and the AppCDS training run of the installer
 * build. With the system property {@value #PROPERTY} set, the second pulse after the main window
 * is shown (so the first frame has been rendered) prints one line
 * {@code first-window-ms=N cpu-ms=M} (M: CPU time the process used so far, all threads) and quits
 * the application normally. N counts from the property's value when it is a time in epoch
 * milliseconds (the benchmark passes the moment it launched the process), otherwise from the
 * process start as the OS reports it (coarse: Linux gives the boot time in whole seconds).
 * Without the property nothing is attached.
 */
final class StartupProbe {
    static final String PROPERTY = "gatehouse.startupProbe";

    private StartupProbe() {
    }

    static void attachIfRequested(Stage stage) {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            return;
        }
        // Wall time since the launch (a time stamp from the bench script, or the process start): the real,
        // never moved clock, the one documented exception to AppClock.system().
        Clock wall = AppClock.unshifted();
        long launched = launchedAt(value, wall);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                System.out.println("first-window-ms=" + (wall.millis() - launched) + " cpu-ms=" + cpu);
                System.out.flush();
                Platform.exit();
            }
        }.start());
    }

    private static long launchedAt(String value, Clock wall) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return ProcessHandle.current().info().startInstant().orElse(wall.instant()).toEpochMilli();
        }
    }
}
