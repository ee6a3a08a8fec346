package dev.gatehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.probe.HostReport;
import dev.gatehouse.probe.LiveProbe;
import dev.gatehouse.probe.PlannedHost;
import dev.gatehouse.probe.ProbeAddress;
import dev.gatehouse.probe.ProbePlan;
import dev.gatehouse.probe.ProbeRoute;
import dev.gatehouse.probe.ProbeTarget;
import dev.gatehouse.testing.RefusedPort;
import dev.gatehouse.probe.Verdict;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.cluster.SessionSync;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo cluster's own controller (the local proxy on loopback), found through the address its Ingresses publish
 * in status.loadBalancer, and probed live: the healthy host agrees, tickets still gets its pre-renewal certificate.
 */
class DemoControllerProbeTest {

    @TempDir
    static Path dir;
    private static DemoCluster cluster;
    private static ClusterSession session;
    private static RoutingSnapshot snapshot;
    private static TrustAnchors anchors;

    @BeforeAll
    static void start() throws Exception {
        cluster = DemoCluster.start(dir.resolve("demo.kubeconfig"), TestCerts.CLOCK);
        session = ClusterSession.open(KubeconfigSource.fromFile(cluster.kubeconfig()), DemoCluster.CONTEXT,
                NamespaceScope.all(), Runnable::run);
        SessionSync.awaitSynced(session, Duration.ofSeconds(60));
        anchors = TrustAnchors.of(cluster.demoCaCertificate());
        snapshot = new RoutingEngine(new SessionClusterView(session), ControllerProfile.ingressNginx(),
                TestCerts.CLOCK, anchors).snapshot();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyIngressPublishesTheControllersLoopbackAddressAndPort() {
        int port = cluster.controllerAddress().getPort();
        PlannedHost shop = plan("shop.demo.gatehouse.test");
        assertThat(shop.target().address()).isEqualTo(new ProbeAddress("127.0.0.1", port));
        assertThat(shop.addressFrom()).isEqualTo("status.loadBalancer of Ingress shop/storefront");
        assertThat(session.ingresses().get("payments", "ledger").orElseThrow().getStatus().getLoadBalancer()
                .getIngress().get(0).getPorts().get(0).getPort()).isEqualTo(port);
    }

    @Test
    void theHealthyHostAgrees() {
        HostReport report = probe("shop.demo.gatehouse.test");
        assertThat(report.failures()).as("failures").isEmpty();
        assertThat(report.verdict(Verdict.Check.CERTIFICATE).orElseThrow().message())
                .startsWith("the server sends the certificate of Secret shop/storefront-tls");
    }

    @Test
    void theRenewedSecretIsNotWhatTheControllerServes() {
        HostReport report = probe("tickets.demo.gatehouse.test");
        Verdict certificate = report.verdict(Verdict.Check.CERTIFICATE).orElseThrow();
        assertThat(certificate.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(certificate.message()).startsWith("Secret shop/tickets-tls was renewed 3 days ago")
                .contains("but the controller still serves the old certificate");
        assertThat(report.failures()).as("only the certificate disagrees").containsExactly(certificate);
    }

    @Test
    void gatewayListenerHostsArePlannedAtTheGatewaysPublishedAddress() {
        PlannedHost docs = plan("docs.gw.demo.gatehouse.test");
        assertThat(docs.target().address()).as("edge/main's status.addresses, the listener's port")
                .isEqualTo(new ProbeAddress("203.0.113.10", 443));
        assertThat(docs.addressFrom()).isEqualTo("status.addresses of Gateway edge/main, listener https-docs port 443");

        ProbeAddress controller = new ProbeAddress("127.0.0.1", cluster.controllerAddress().getPort());
        ProbePlan.HostPlan typed = ProbePlan.host(snapshot, "docs.gw.demo.gatehouse.test", Optional.of(controller),
                "the address typed", Duration.ofSeconds(5));
        HostReport report = new LiveProbe(TestCerts.CLOCK, anchors).run(List.of(typed.planned().orElseThrow()),
                r -> { }).get(0);
        assertThat(report.verdict(Verdict.Check.CERTIFICATE).orElseThrow().message()).as("the demo controller serves"
                + " the listener's certificate").startsWith("the server sends the certificate of Secret"
                + " shared-certs/docs-tls");
    }

    @Test
    void aGatewayHostProbedThroughAPortForwardReachesTheDemoControllerThroughTheGatewaysPod() {
        PlannedHost docs = plan("docs.gw.demo.gatehouse.test");
        HostReport report = new LiveProbe(TestCerts.CLOCK, anchors, ProbeRoute.of(ProbeRoute.Mode.PORT_FORWARD,
                session.client(), DemoCluster.CONTEXT)).run(List.of(docs), r -> { }).get(0);
        assertThat(report.verdict(Verdict.Check.REACHABLE).orElseThrow().message()).startsWith("TLS handshake via"
                + " port-forward to edge/envoy-edge-main-7d9f8c6b5-x2k4q, pod port 8443 (asked for) (local end"
                + " 127.0.0.1:").endsWith("; Service edge/envoy-edge-main (its status.loadBalancer carries"
                + " 203.0.113.10))");
        assertThat(report.verdict(Verdict.Check.CERTIFICATE).orElseThrow().message())
                .startsWith("the server sends the certificate of Secret shared-certs/docs-tls");
        assertThat(report.planned().target().address().host()).isEqualTo("127.0.0.1");
        // that the forward's local end is closed is not checked by connecting to its port: in a parallel suite the
        // freed ephemeral port is soon another test's (the offset run found it so); PortForwardProbe closes it in
        // try-with-resources
    }

    @Test
    void whenThePublishedAddressRefusesTheProbeFallsBackToThePortForwardAndSaysWhy() {
        PlannedHost docs = plan("docs.gw.demo.gatehouse.test");
        try (RefusedPort refused = RefusedPort.open()) {
            // As if edge/main published a loopback address nothing listens on (203.0.113.10 answers in some
            // sandboxes): no Service carries it, so the Gateway's label finds its Service.
            PlannedHost unanswered = new PlannedHost(new ProbeTarget(docs.target().host(),
                    new ProbeAddress("127.0.0.1", refused.port()), Duration.ofSeconds(5)), docs.expectation(),
                    docs.addressFrom(), docs.publisher(), Optional.empty());
            HostReport report = new LiveProbe(TestCerts.CLOCK, anchors, ProbeRoute.of(ProbeRoute.Mode.FALLBACK,
                    session.client(), DemoCluster.CONTEXT)).run(List.of(unanswered), r -> { }).get(0);
            assertThat(report.planned().reachedHow()).isEqualTo("via port-forward to"
                    + " edge/envoy-edge-main-7d9f8c6b5-x2k4q, pod port 8443, because 127.0.0.1:" + refused.port()
                    + " refused the connection");
            assertThat(report.verdict(Verdict.Check.REACHABLE).orElseThrow().message()).contains("(its labels"
                    + " gateway.networking.k8s.io/gateway-name=main, namespace edge)");
            assertThat(report.verdict(Verdict.Check.CERTIFICATE).orElseThrow().message())
                    .startsWith("the server sends the certificate of Secret shared-certs/docs-tls");
        }
    }

    private static PlannedHost plan(String host) {
        ProbePlan.Result result = ProbePlan.plan(snapshot, List.of(host), Optional.empty(), Duration.ofSeconds(5));
        assertThat(result).as(String.valueOf(result)).isInstanceOf(ProbePlan.Planned.class);
        return ((ProbePlan.Planned) result).hosts().get(0);
    }

    private static HostReport probe(String host) {
        return new LiveProbe(TestCerts.CLOCK, anchors).run(List.of(plan(host)), r -> { }).get(0);
    }
}
