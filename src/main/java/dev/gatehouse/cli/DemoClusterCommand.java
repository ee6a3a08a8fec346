package dev.gatehouse.cli;

import dev.gatehouse.app.AppDirs;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.demo.DemoClusterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gatehouse demo-cluster}: runs the embedded demo cluster headless. Prints one line when it
 * is ready, then runs until Ctrl-C / SIGTERM and exits 0; on failure prints one plain line to
 * stderr and exits 1.
 */
@Command(name = "demo-cluster", mixinStandardHelpOptions = true,
        description = {
            "Starts the embedded demo cluster: a Kubernetes API server on 127.0.0.1 seeded with TLS "
                    + "scenarios in the namespaces shop, payments and platform, with a local echo backend "
                    + "behind every Service.",
            "Writes a kubeconfig (context gatehouse-demo) for kubectl and the app, prints one line "
                    + "when ready and runs until Ctrl-C or SIGTERM."
        })
public final class DemoClusterCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoClusterCommand.class);

    @Option(names = "--kubeconfig", paramLabel = "PATH",
            description = "Where to write the demo cluster's kubeconfig (mode 0600). Default: ${DEFAULT-VALUE}")
    Path kubeconfig = AppDirs.forCurrentUser().data().resolve("demo/kubeconfig");

    @Spec
    CommandSpec spec;

    private final StopSignal stopSignal;

    /** How the command learns that it should stop. */
    @FunctionalInterface
    interface StopSignal {
        /**
         * Starts catching the stop request. Called before the ready line, so that a stop sent as soon
         * as the line appears (as scripts do) is a clean stop and not the JVM's default exit.
         */
        default void arm() {
        }

        /** Blocks until the command should stop. */
        void await() throws InterruptedException;
    }

    public DemoClusterCommand() {
        this(new TerminationSignals());
    }

    DemoClusterCommand(StopSignal stopSignal) {
        this.stopSignal = stopSignal;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoCluster cluster;
        try {
            cluster = DemoCluster.start(kubeconfig);
            stopSignal.arm();
        } catch (DemoClusterException e) {
            LOG.warn("The demo cluster did not start", e);
            err.println("gatehouse demo-cluster: " + oneLine(e.getMessage()));
            err.flush();
            return 1;
        }
        // Covers exits that bypass the signal handlers (SIGHUP, System.exit elsewhere).
        Thread shutdownHook = new Thread(cluster::close, "demo-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            out.println("Demo cluster ready: kubeconfig " + cluster.kubeconfig() + " (context " + cluster.contextName()
                    + ") \u2014 try: " + cluster.kubectlCommand());
            out.flush();
            stopSignal.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            cluster.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway; close() is idempotent
            }
        }
        return 0;
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /**
     * SIGINT and SIGTERM as the stop request. Handling them ourselves (instead of only a shutdown hook)
     * lets the command return normally and exit 0; after the first signal the JVM's own handlers are
     * restored, so a second Ctrl-C ends the process even if closing hangs. Where the JVM does not offer
     * these signals we wait forever and rely on the shutdown hook.
     */
    static final class TerminationSignals implements StopSignal {
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
}
