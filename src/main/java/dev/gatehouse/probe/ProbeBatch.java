package dev.gatehouse.probe;

import dev.gatehouse.tls.TrustAnchors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Probes many hosts at once on a bounded pool: each host's report is handed on as soon as it is judged, so
 * results land one by one. Blocking; interrupting the calling thread cancels the batch: probes still running are
 * interrupted (each ends within its timeout at the latest) and their reports are dropped.
 */
public final class ProbeBatch {

    /** Hosts probed at the same time by default: each probe makes seven short connections one after another. */
    public static final int DEFAULT_PARALLELISM = 4;

    private final Clock clock;
    private final TrustAnchors anchors;
    private final int parallelism;
    private final ProbeRoute route;

    public ProbeBatch(Clock clock, TrustAnchors anchors, int parallelism) {
        this(clock, anchors, parallelism, ProbeRoute.direct());
    }

    /** @param route how each host's controller is reached (the planned address, or a port-forward fallback) */
    public ProbeBatch(Clock clock, TrustAnchors anchors, int parallelism, ProbeRoute route) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.clock = clock;
        this.anchors = anchors;
        this.parallelism = parallelism;
        this.route = route;
    }

    /**
     * Probes every host; {@code done} is called with each report as it is judged (on a pool thread, one at a
     * time). Returns the reports in the order they finished; fewer than planned when interrupted.
     */
    public List<HostReport> run(List<PlannedHost> hosts, Consumer<HostReport> done) {
        List<HostReport> reports = new ArrayList<>();
        if (hosts.isEmpty()) {
            return reports;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, hosts.size()), r -> {
            Thread t = new Thread(r, "gatehouse-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ProbeJudge judge = new ProbeJudge(clock, anchors);
        try (TlsProber prober = new TlsProber(clock)) {
            try {
                collect(hosts, done, reports, pool, judge, prober, route);
            } finally {
                pool.shutdownNow(); // before the prober closes: cancelled probes end first
            }
        }
        return reports;
    }

    private static void collect(List<PlannedHost> hosts, Consumer<HostReport> done, List<HostReport> reports,
                                ExecutorService pool, ProbeJudge judge, TlsProber prober, ProbeRoute route) {
        CompletionService<HostReport> completion = new ExecutorCompletionService<>(pool);
        for (PlannedHost host : hosts) {
            completion.submit(() -> {
                ProbeRoute.Probed probed = route.observe(prober, host);
                return judge.judge(probed.planned(), probed.observation());
            });
        }
        for (int i = 0; i < hosts.size(); i++) {
            HostReport report;
            try {
                report = completion.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                throw new IllegalStateException("probing failed: " + e.getCause(), e.getCause());
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            reports.add(report);
            done.accept(report);
        }
    }
}
