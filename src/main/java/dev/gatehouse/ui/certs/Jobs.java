package dev.gatehouse.ui.certs;

import dev.gatehouse.ui.common.FxBackground;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Background work of the certificate dialogs: shown in the status bar, results and failures back on the FX thread. */
final class Jobs {

    /** Work that may fail with a plain message. */
    interface Work<T> {
        T get() throws Exception;
    }

    private Jobs() {
    }

    static <T> void run(FxBackground background, String title, Work<T> work, Consumer<T> then, Consumer<String> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                updateProgress(-1, 1);
                return work.get();
            }
        };
        task.setOnSucceeded(e -> then.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(WriteTask.plain(task.getException())));
        background.run(task);
    }
}
