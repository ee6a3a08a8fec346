package dev.gatehouse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM as the stop request. Handling them ourselves (instead of only a shutdown hook)
 * lets the command return normally and exit 0; after the first signal the JVM's own handlers are
 * restored, so a second Ctrl-C ends the process even if closing hangs. Where the JVM does not offer
 * these signals we wait forever and rely on the shutdown hook.
 */
final class TerminationSignals implements StopSignal {
    private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);

    private final CountDownLatch stop = new CountDownLatch(1);
    private boolean armed;

    @Override
    public synchronized void arm() {
        if (armed) {
            return;
        }
        armed = true;
        Map<Signal, sun.misc.SignalHandler> previous = new ConcurrentHashMap<>();
        List<Signal> signals = new ArrayList<>();
        for (String name : List.of("INT", "TERM")) {
            try {
                signals.add(new Signal(name));
            } catch (IllegalArgumentException unsupported) {
                LOG.debug("Signal {} is not available here", name);
            }
        }
        for (Signal signal : signals) {
            try {
                previous.put(signal, Signal.handle(signal, received -> {
                    stop.countDown(); // first: nothing below may keep the stop from being seen
                    previous.forEach(Signal::handle);
                }));
            } catch (IllegalArgumentException | IllegalStateException unavailable) {
                LOG.debug("Cannot handle signal {}: {}", signal.getName(), unavailable.getMessage());
            }
        }
    }

    @Override
    public void await() throws InterruptedException {
        arm();
        stop.await();
    }
}
