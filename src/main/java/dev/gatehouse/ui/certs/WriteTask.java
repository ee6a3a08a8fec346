package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.write.WriteResult;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;

/** A cluster write as a background task with status-bar progress; its result comes back on the FX thread. */
final class WriteTask extends Task<WriteResult> {
    private final Supplier<WriteResult> work;

    WriteTask(String title, Supplier<WriteResult> work, Consumer<WriteResult> done) {
        this.work = work;
        updateTitle(title);
        setOnSucceeded(e -> done.accept(getValue()));
        setOnFailed(e -> done.accept(new WriteResult.Rejected(0, plain(getException()))));
    }

    @Override
    protected WriteResult call() {
        updateProgress(-1, 1);
        return work.get();
    }

    static String plain(Throwable t) {
        if (t == null) {
            return "Unknown error";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
