package dev.gatehouse.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.testing.RefusedPort;
import dev.gatehouse.tls.TestCerts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Many hosts at once on a bounded pool, results landing in the session's store one by one; cancel stops it. */
class ProbeBatchTest {

    private final LivePki pki = LivePki.get();
    private final RoutingSnapshot snapshot = new RoutingEngine(pki.gatewayView(), ControllerProfile.ingressNginx(),
            TestCerts.CLOCK, pki.anchors()).snapshot();

    @Test
    void everyHostLandsInTheStoreAsItIsDone() {
        try (RefusedPort refused = RefusedPort.open()) {
            List<PlannedHost> hosts = ProbePlan.hosts(snapshot).stream().map(h -> ProbePlan.host(snapshot, h,
                    Optional.of(new ProbeAddress("127.0.0.1", refused.port())), "the address typed",
                    Duration.ofSeconds(5)).planned().orElseThrow()).toList();
            ProbeResults store = new ProbeResults();
            List<String> heard = new ArrayList<>();
            store.subscribe(r -> heard.add(r.host()));

            List<HostReport> reports = new ProbeBatch(TestCerts.CLOCK, pki.anchors(), 2).run(hosts, store::put);

            assertThat(reports).hasSize(5);
            assertThat(heard).containsExactlyInAnyOrderElementsOf(ProbePlan.hosts(snapshot));
            assertThat(store.all()).extracting(HostReport::host).containsExactlyElementsOf(ProbePlan.hosts(snapshot));
            HostReport shop = store.latest("shop.test").orElseThrow();
            assertThat(shop.agrees()).isFalse();
            assertThat(shop.failures()).singleElement().satisfies(v -> assertThat(v.message())
                    .isEqualTo("connection refused by 127.0.0.1:" + refused.port() + ": nothing listens on that port"));
            assertThat(store.takenAt("shop.test")).as("stamped by the probe's clock").contains(TestCerts.CLOCK.instant());
        }
    }

    @Test
    void aNewerProbeOfAHostReplacesTheOlderOne() {
        try (RefusedPort refused = RefusedPort.open()) {
            PlannedHost shop = ProbePlan.host(snapshot, "shop.test", Optional.of(new ProbeAddress("127.0.0.1",
                    refused.port())), "x", Duration.ofSeconds(5)).planned().orElseThrow();
            ProbeResults store = new ProbeResults();
            java.time.Clock later = java.time.Clock.offset(TestCerts.CLOCK, Duration.ofMinutes(3));
            HostReport second = new LiveProbe(later, pki.anchors()).run(List.of(shop), r -> { }).get(0);
            HostReport first = new LiveProbe(TestCerts.CLOCK, pki.anchors()).run(List.of(shop), r -> { }).get(0);
            store.put(second);
            store.put(first);
            assertThat(store.latest("shop.test")).as("an older observation arriving late does not win")
                    .containsSame(second);
        }
    }

    @Test
    void cancellingStopsTheBatchWithinItsTimeoutAndDropsRunningProbes() throws Exception {
        try (LoopbackPeer silent = LoopbackPeer.serving(LoopbackPeer::drain)) {
            List<PlannedHost> hosts = ProbePlan.hosts(snapshot).stream().map(h -> ProbePlan.host(snapshot, h,
                    Optional.of(new ProbeAddress("127.0.0.1", silent.port())), "x", Duration.ofSeconds(60))
                    .planned().orElseThrow()).toList();
            ProbeResults store = new ProbeResults();
            AtomicReference<List<HostReport>> returned = new AtomicReference<>();
            CountDownLatch finished = new CountDownLatch(1);
            Thread batch = new Thread(() -> {
                returned.set(new ProbeBatch(TestCerts.CLOCK, pki.anchors(), 4).run(hosts, store::put));
                finished.countDown();
            });
            batch.start();
            assertThat(silent.awaitConnections(4, Duration.ofSeconds(20))).as("four probes connected").isTrue();
            batch.interrupt();
            assertThat(finished.await(20, TimeUnit.SECONDS)).as("stopped long before the 60 s timeout").isTrue();
            assertThat(returned.get()).isEmpty();
            assertThat(store.all()).as("no half-done result lands").isEmpty();
        }
    }
}
