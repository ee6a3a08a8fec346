package dev.gatehouse.cli;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.app.AppDirs;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.demo.DemoClusterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gatehouse demo-cluster}: runs the embedded demo cluster headless. Prints one line when it
 * is ready, then runs until Ctrl-C / SIGTERM and exits 0; on failure prints one plain line to
 * stderr and exits 1.
 */
@Command(name = "demo-cluster", mixinStandardHelpOptions = true,
        description = {
            "Starts the embedded demo cluster: a Kubernetes API server on 127.0.0.1 seeded with TLS "
                    + "scenarios: Ingresses in the namespaces shop, payments and platform, Gateway API objects in "
                    + "edge, shared-certs and web, with a local echo backend behind every Service.",
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
            cluster = DemoCluster.start(kubeconfig, AppClock.system());
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
}
