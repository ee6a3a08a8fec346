package dev.gatehouse.ui;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;

/**
 * Runs work once the window has painted its first frames, so that start-up work that does not
 * change the first screen (reading kubeconfig, loading BoringSSL) does not compete with it for the CPU.
 */
final class FirstFrame {
    private static final int PULSES = 2;

    private FirstFrame() {
    }

    /**
     * Counts pulses only while the stage shows, so it also works when the stage is already showing
     * (no WINDOW_SHOWN event comes then: a test harness's reused primary stage).
     */
    static void then(Stage stage, Runnable work) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (!stage.isShowing() || ++pulses < PULSES) {
                    return;
                }
                stop();
                work.run();
            }
        }.start();
    }
}
