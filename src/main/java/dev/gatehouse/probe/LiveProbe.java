package dev.gatehouse.probe;

import dev.gatehouse.tls.TrustAnchors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Probes planned hosts one after another and judges each: the one call the CLI and the window make. Blocking;
 * each host is bounded by its target's timeouts. Stops between hosts when the thread is interrupted.
 */
public final class LiveProbe {

    private final Clock clock;
    private final TrustAnchors anchors;
    private final ProbeRoute route;

    /**
     * @param clock   judges validity and stamps the observations
     * @param anchors the roots trusted here (trust policy plus the connection's roots)
     */
    public LiveProbe(Clock clock, TrustAnchors anchors) {
        this(clock, anchors, ProbeRoute.direct());
    }

    /** @param route how to reach the controller: the planned address, a port-forward fallback, or only a port-forward */
    public LiveProbe(Clock clock, TrustAnchors anchors, ProbeRoute route) {
        this.clock = clock;
        this.anchors = anchors;
        this.route = route;
    }

    /** Probes every host; {@code progress} is called with each report as it is done (on the calling thread). */
    public List<HostReport> run(List<PlannedHost> hosts, Consumer<HostReport> progress) {
        ProbeJudge judge = new ProbeJudge(clock, anchors);
        List<HostReport> reports = new ArrayList<>();
        try (TlsProber prober = new TlsProber(clock)) {
            for (PlannedHost host : hosts) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                ProbeRoute.Probed probed = route.observe(prober, host);
                HostReport report = judge.judge(probed.planned(), probed.observation());
                reports.add(report);
                progress.accept(report);
            }
        }
        return reports;
    }
}
