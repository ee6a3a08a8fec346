package dev.gatehouse.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** An executor that only queues: the test runs the tasks when and in the order it wants. Single-threaded use. */
public final class ManualExecutor implements Executor {
    private final List<Runnable> queue = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
    }

    public synchronized int queued() {
        return queue.size();
    }

    /** Runs the task queued {@code index}-th among those waiting now (0 = oldest). */
    public void run(int index) {
        Runnable task;
        synchronized (this) {
            task = queue.remove(index);
        }
        task.run();
    }

    /** Runs the newest task waiting. */
    public void runNewest() {
        run(queued() - 1);
    }

    /** Runs tasks, including those they queue, until none waits. */
    public void runAll() {
        while (queued() > 0) {
            run(0);
        }
    }
}
