package dev.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.ManualExecutor;
import dev.gatehouse.app.ManualScheduler;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.ca.LocalTrust;
import dev.gatehouse.tls.ca.TrustPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One snapshot per change, debounced and latest-wins; a CA the user trusts changes every answer at once. */
class RoutingServiceTest {
    private static final Clock CLOCK = Clock.fixed(TestCerts.NOW, ZoneOffset.UTC);

    @TempDir
    Path data;
    private final ManualExecutor worker = new ManualExecutor();
    private final ManualScheduler timer = new ManualScheduler();
    private final TrustFixtures company = new TrustFixtures("shop.example.com");
    private final List<Runnable> changeListeners = new ArrayList<>();
    private volatile ClusterView view = InMemoryClusterView.empty();

    private RoutingService start(TrustPolicy trust, Map<String, List<X509Certificate>> roots) {
        RoutingInput input = new RoutingInput() {
            @Override
            public String describe() {
                return "test objects";
            }

            @Override
            public ClusterView view() {
                return view;
            }

            @Override
            public Map<String, List<X509Certificate>> connectionRoots() {
                return roots;
            }

            @Override
            public Subscription onChange(Runnable changed) {
                changeListeners.add(changed);
                return () -> changeListeners.remove(changed);
            }
        };
        return RoutingService.start(input, ControllerProfile.ingressNginx(), CLOCK, trust, worker, timer);
    }

    private void shopObjects() {
        List<HasMetadata> objects = List.of(company.tlsSecret("shop", "shop-tls"),
                company.ingress("shop", "web", "shop-tls", "web"));
        view = InMemoryClusterView.of(objects);
        changeListeners.forEach(Runnable::run);
    }

    private static boolean incomplete(SessionSnapshot s) {
        return s.report().diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.GH112);
    }

    @Test
    void cacheChangesAreCoalescedIntoOneNewerSnapshot() {
        RoutingService service = start(new TrustPolicy(TrustAnchors::none, new LocalTrust(data)), Map.of());
        List<SessionSnapshot> seen = new ArrayList<>();
        service.subscribe(seen::add);
        worker.runAll();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).routing().model().servers().byHost()).isEmpty();

        shopObjects();
        changeListeners.forEach(Runnable::run);
        changeListeners.forEach(Runnable::run);
        assertThat(worker.queued()).isZero();
        timer.advance(RoutingService.DEBOUNCE);
        worker.runAll();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).sequence()).isGreaterThan(seen.get(0).sequence());
        assertThat(seen.get(1).routing().model().servers().byHost()).containsKey("shop.example.com");
        assertThat(service.latest()).containsSame(seen.get(1));
    }

    @Test
    void aCaTheUserAddsMakesTheChainTrustedInTheNextSnapshot() throws Exception {
        TrustPolicy trust = new TrustPolicy(TrustAnchors::none, new LocalTrust(data));
        shopObjects();
        RoutingService service = start(trust, Map.of());
        worker.runAll();
        assertThat(incomplete(service.latest().orElseThrow())).isTrue();

        assertThat(trust.add(List.of(company.ca.cert()))).isEqualTo(1);
        timer.advance(RoutingService.DEBOUNCE);
        worker.runAll();
        SessionSnapshot after = service.latest().orElseThrow();
        assertThat(incomplete(after)).isFalse();
        assertThat(after.anchors().contains(company.ca.cert())).isTrue();
        assertThat(after.anchors().originOf(company.ca.cert())).isEqualTo(LocalTrust.ADDED);
        assertThat(after.trustVersion()).isEqualTo(trust.version());

        assertThat(trust.remove(company.ca.cert())).isTrue();
        timer.advance(RoutingService.DEBOUNCE);
        worker.runAll();
        assertThat(incomplete(service.latest().orElseThrow())).isTrue();
    }

    @Test
    void theConnectionsOwnRootsAreTrustedOnlyThere() {
        shopObjects();
        TrustPolicy trust = new TrustPolicy(TrustAnchors::none, new LocalTrust(data));
        RoutingService demo = start(trust, Map.of("the demo cluster's CA", List.of(company.ca.cert())));
        RoutingService other = start(trust, Map.of());
        worker.runAll();
        assertThat(incomplete(demo.latest().orElseThrow())).isFalse();
        assertThat(incomplete(other.latest().orElseThrow())).isTrue();
        assertThat(trust.anchors().contains(company.ca.cert())).isFalse();
    }

    @Test
    void snapshotAnswersAtOnceBeforeTheFirstPublicationAndCloseStopsPublishing() {
        shopObjects();
        RoutingService service = start(new TrustPolicy(TrustAnchors::none, new LocalTrust(data)), Map.of());
        SessionSnapshot now = service.snapshot();
        assertThat(now.routing().model().servers().byHost()).containsKey("shop.example.com");
        List<SessionSnapshot> seen = new ArrayList<>();
        service.subscribe(seen::add);
        assertThat(seen).containsExactly(now);
        worker.runAll(); // the first computation reads the objects after snapshot() did: a newer reading
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).sequence()).isGreaterThan(now.sequence());

        service.close();
        assertThat(changeListeners).isEmpty();
        view = InMemoryClusterView.empty();
        service.refresh();
        timer.advance(RoutingService.DEBOUNCE);
        worker.runAll();
        assertThat(seen).hasSize(2);
    }
}
