package dev.gatehouse.ui;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Runs work once the window has painted its first frames, so that start-up work that does not
 * change the first screen (reading kubeconfig, loading BoringSSL) does not compete with it for the CPU.
 */
final class FirstFrame {
    private static final int PULSES = 2;

    private FirstFrame() {
    }

    static void then(Stage stage, Runnable work) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < PULSES) {
                    return;
                }
                stop();
                work.run();
            }
        }.start());
    }
}
