package dev.gatehouse.cli;

import dev.gatehouse.migrate.DiffReport;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.migrate.Probe;
import dev.gatehouse.migrate.SideBySide;
import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.ProxyStartException;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.TrustAnchors;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gatehouse migrate --serve | --replay-only}: starts the side by side ({@link SideBySide}), prints where both
 * proxies listen, replays the corpus through both and prints the diff of the real responses; {@code --serve} then
 * keeps both serving until Ctrl-C, SIGTERM or the end of standard input.
 */
final class MigrateServe {

    private final PrintWriter out;
    private final PrintWriter err;
    private final StopSignal stop;

    MigrateServe(PrintWriter out, PrintWriter err, StopSignal stop) {
        this.out = out;
        this.err = err;
        this.stop = stop;
    }

    /**
     * @return the exit code: 0, 1 (a request differs unexplained; with --serve: could not start), 2 never here
     */
    int run(ClusterView input, MigrationResult result, ControllerProfile profile, Clock clock, TrustAnchors anchors,
            SideBySide.Options options, boolean serve, boolean json) {
        PrintWriter human = json ? err : out;
        try (SideBySide sides = SideBySide.start(input, result, profile, clock, anchors, options)) {
            stop.arm();
            print(human, "Side by side: " + sides.readyLine());
            print(human, "Backends: Gatehouse's stand-in echo servers, one per Service port (not your Pods); each"
                    + " answers with the Service port it stands for, the path and Host it received and whether the"
                    + " proxy came over TLS.");
            curl(human, sides, result);
            print(err, "Replaying " + result.corpus().size() + " requests through both proxies…");
            DiffReport real;
            try {
                real = sides.replay(null, () -> false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                print(err, "migrate: " + e.getMessage());
                return 1;
            }
            if (json) {
                print(out, MigrateJson.write(result, real));
            } else {
                out.print(MigrateReport.replayText(result, real));
                out.flush();
            }
            int verdict = real.unexplained().isEmpty() ? 0 : 1;
            if (!serve) {
                return verdict;
            }
            print(human, "Serving both until Ctrl-C or the end of standard input.");
            stop.await();
            return 0;
        } catch (ProxyStartException e) {
            print(err, "migrate: the side by side cannot start: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A curl line for the first https host of the corpus, against each proxy. */
    private static void curl(PrintWriter human, SideBySide sides, MigrationResult result) {
        result.corpus().stream().map(Probe::request).filter(q -> q.https() && q.sni().isPresent()).findFirst()
                .ifPresent(q -> {
                    for (LocalProxy p : new LocalProxy[] {sides.oldProxy(), sides.newProxy()}) {
                        int port = p.httpsAddress().getPort();
                        print(human, "  curl -sk --resolve " + q.host() + ":" + port + ":127.0.0.1 https://" + q.host()
                                + ":" + port + "/   # " + (p == sides.oldProxy() ? "old (Ingress)" : "new (Gateway)"));
                    }
                });
    }

    private static void print(PrintWriter w, String line) {
        synchronized (w) {
            w.println(line);
            w.flush();
        }
    }

    /** Ctrl-C / SIGTERM, or standard input reaching its end (Ctrl-D, or the pipe closed). */
    static StopSignal signalsOrEndOfInput(StopSignal signals, InputStream stdin) {
        CountDownLatch stopped = new CountDownLatch(1);
        return new StopSignal() {
            private boolean armed;

            @Override
            public synchronized void arm() {
                if (armed) {
                    return;
                }
                armed = true;
                signals.arm();
                daemon("gatehouse-migrate-signals", () -> {
                    try {
                        signals.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    stopped.countDown();
                });
                daemon("gatehouse-migrate-stdin", () -> {
                    try {
                        while (stdin.read() >= 0) {
                            // input is ignored; its end stops the command
                        }
                    } catch (IOException e) {
                        // an unreadable stdin is the end of it
                    }
                    stopped.countDown();
                });
            }

            @Override
            public void await() throws InterruptedException {
                arm();
                stopped.await();
            }
        };
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
