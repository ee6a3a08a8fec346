package dev.gatehouse.ui.common.diagnostics;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.ResourceCache;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.demo.DemoTrust;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Severity;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.Status;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing engine's diagnostics for the connected cluster, kept current: recomputed off the FX
 * thread shortly after the caches change (debounced), published as one immutable report that the
 * Overview and the tables' status columns read.
 */
public final class LiveDiagnostics {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDiagnostics.class);
    private static final Duration DEBOUNCE = Duration.millis(300);

    private final ReadOnlyObjectWrapper<DiagnosticReport> report = new ReadOnlyObjectWrapper<>(new DiagnosticReport(List.of()));
    private final ReadOnlyObjectProperty<DemoCluster> demo;
    private final Executor worker;
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final List<Subscription> subscriptions = new ArrayList<>();
    private ClusterSession session;
    private boolean running;
    private boolean again;
    private final UnaryOperator<TrustAnchors> trust;
    private final Clock clock;

    public LiveDiagnostics(ReadOnlyObjectProperty<ClusterSession> sessionSource, ReadOnlyObjectProperty<DemoCluster> demo,
                           Executor worker, Clock clock) {
        this(sessionSource, demo, worker, UnaryOperator.identity(), clock);
    }

    /**
     * @param trust adds the roots the user trusts besides the system's (Gatehouse's local CA, added CAs);
     *              called on the worker
     * @param clock "now" for certificate validity
     */
    public LiveDiagnostics(ReadOnlyObjectProperty<ClusterSession> sessionSource, ReadOnlyObjectProperty<DemoCluster> demo,
                           Executor worker, UnaryOperator<TrustAnchors> trust, Clock clock) {
        this.clock = clock;
        this.trust = trust;
        this.demo = demo;
        this.worker = worker;
        debounce.setOnFinished(e -> recompute());
        sessionSource.addListener((o, a, s) -> use(s));
        use(sessionSource.get());
    }

    private void use(ClusterSession s) {
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
        session = s;
        report.set(new DiagnosticReport(List.of()));
        if (s == null) {
            return;
        }
        for (ResourceCache<?> cache : s.caches()) {
            subscriptions.add(cache.onChange(this::schedule));
        }
        schedule();
    }

    private void schedule() {
        FxBackground.onFx(debounce::playFromStart);
    }

    private void recompute() {
        ClusterSession s = session;
        if (s == null) {
            return;
        }
        if (running) {
            again = true;
            return;
        }
        running = true;
        X509Certificate demoCa = demoCa();
        try {
            worker.execute(() -> {
                DiagnosticReport result;
                try {
                    TrustAnchors anchors = trust.apply(anchors(demoCa)).plus(DemoTrust.ORIGIN, DemoTrust.caOf(s));
                    result = new RoutingEngine(new SessionClusterView(s), ControllerProfile.ingressNginx(),
                            clock, anchors).diagnose();
                } catch (RuntimeException e) {
                    LOG.warn("Diagnostics failed", e);
                    result = null;
                }
                DiagnosticReport done = result;
                FxBackground.onFx(() -> {
                    running = false;
                    if (done != null && session == s) {
                        report.set(done);
                    }
                    if (again) {
                        again = false;
                        schedule();
                    }
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running = false; // the window is closing: its background threads are gone
        }
    }

    /** The demo CA while connected to the demo cluster (read on the FX thread). */
    private X509Certificate demoCa() {
        DemoCluster d = demo.get();
        return d != null && session != null && d.contextName().equals(session.contextName()) ? d.demoCaCertificate() : null;
    }

    /** The JDK's roots (read once, on the worker), plus the demo CA when given. */
    private static TrustAnchors anchors(X509Certificate demoCa) {
        TrustAnchors jdk = TrustAnchors.jdkDefaults();
        return demoCa == null ? jdk : jdk.plus(DemoTrust.ORIGIN, List.of(demoCa));
    }

    public ReadOnlyObjectProperty<DiagnosticReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The worst status among diagnostics about any of these objects (OK when there are none). */
    public static Status statusOf(DiagnosticReport r, Collection<ObjectRef> objects) {
        Severity worst = null;
        for (Diagnostic d : r.diagnostics()) {
            if (objects.contains(d.object()) && (worst == null || d.severity().compareTo(worst) < 0)) {
                worst = d.severity();
            }
        }
        return toStatus(worst);
    }

    public static List<Diagnostic> about(DiagnosticReport r, Collection<ObjectRef> objects) {
        return r.diagnostics().stream().filter(d -> objects.contains(d.object())).sorted(Diagnostic.ORDER).toList();
    }

    public static Status toStatus(Severity s) {
        if (s == null) {
            return Status.OK;
        }
        return switch (s) {
            case ERROR -> Status.ERROR;
            case WARNING -> Status.WARNING;
            case INFO -> Status.OK;
        };
    }
}
