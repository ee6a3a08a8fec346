package dev.gatehouse.probe;

import dev.gatehouse.cluster.ReadyPod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.cluster.MockCluster;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.testing.RefusedPort;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding the controller's Service behind a published address and a Ready Pod behind its port, on fabric8's mock API
 * server (CRUD mode), and what a probe says when RBAC (403, expectations mode) or the cluster stops the port-forward.
 */
class PortForwardLookupTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private MockCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
        client = cluster.client();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theServiceCarryingThePublishedAddressItsHttpsPortAndAReadyPodBehindIt() {
        service("ingress-nginx", "ingress-nginx-controller", Map.of("app", "other"), "203.0.113.10", null);
        service("ingress-nginx", "decoy", Map.of(), "198.51.100.7", null);
        slice("ingress-nginx", "ingress-nginx-controller", "ingress-nginx-controller-7d9f-aaaaa", false);
        slice("ingress-nginx", "ingress-nginx-controller", "ingress-nginx-controller-7d9f-bbbbb", true);

        ControllerService.Found found = found(new ControllerService.Clue(Optional.of("203.0.113.10"), 443,
                Optional.of(ObjectRef.ingress("shop", "web"))));
        assertThat(found.path()).isEqualTo("ingress-nginx/ingress-nginx-controller");
        assertThat(found.foundBy()).isEqualTo("its status.loadBalancer carries 203.0.113.10");
        assertThat(found.port().getName()).isEqualTo("https");
        assertThat(ReadyPod.find(client, found.service(), found.port())).as("the Ready one, at the slice's port for https")
                .isEqualTo(new ReadyPod.Ready("ingress-nginx", "ingress-nginx-controller-7d9f-bbbbb", 8443));
    }

    @Test
    void aHostNameInTheLoadBalancerStatusMatchesToo() {
        service("ingress-nginx", "ingress-nginx-controller", Map.of(), null, "lb-1234.elb.example.com");
        assertThat(found(new ControllerService.Clue(Optional.of("LB-1234.elb.example.com"), 443, Optional.empty()))
                .path()).isEqualTo("ingress-nginx/ingress-nginx-controller");
    }

    @Test
    void withoutAnAddressMatchTheWellKnownLabelsDecide() {
        service("edge", "envoy-edge-main", Map.of(ControllerService.GATEWAY_NAME_LABEL, "main"), null, null);
        service("ingress-nginx", "ingress-nginx-controller", ControllerService.INGRESS_NGINX_LABELS, null, null);
        ControllerService.Found gateway = found(new ControllerService.Clue(Optional.of("203.0.113.10"), 443,
                Optional.of(new ObjectRef("Gateway", "edge", "main"))));
        assertThat(gateway.path()).isEqualTo("edge/envoy-edge-main");
        assertThat(gateway.foundBy()).isEqualTo("its labels gateway.networking.k8s.io/gateway-name=main, namespace edge");
        ControllerService.Found nginx = found(new ControllerService.Clue(Optional.of("203.0.113.10"), 443,
                Optional.of(ObjectRef.ingress("shop", "web"))));
        assertThat(nginx.path()).isEqualTo("ingress-nginx/ingress-nginx-controller");
    }

    @Test
    void noMatchingServiceAndNoReadyPodAreClearResults() {
        ControllerService.Lookup none = ControllerService.find(client, new ControllerService.Clue(
                Optional.of("203.0.113.10"), 443, Optional.of(new ObjectRef("Gateway", "edge", "main"))));
        assertThat(none).isEqualTo(new ControllerService.Missing("no controller Service found: no Service carries"
                + " 203.0.113.10 in status.loadBalancer, and none has the labels"
                + " gateway.networking.k8s.io/gateway-name=main in namespace edge", false));

        service("edge", "envoy-edge-main", Map.of(ControllerService.GATEWAY_NAME_LABEL, "main"), "203.0.113.10", null);
        slice("edge", "envoy-edge-main", "envoy-0", false);
        ControllerService.Found found = found(new ControllerService.Clue(Optional.of("203.0.113.10"), 443,
                Optional.empty()));
        assertThat(ReadyPod.find(client, found.service(), found.port())).isEqualTo(new ReadyPod.Missing("Service"
                + " edge/envoy-edge-main has no Ready Pod behind port 443 (its EndpointSlices list none)", false));
    }

    @Test
    void forbiddenServiceListsNameWhatCouldNotBeDone() {
        cluster.server().expect().get().withPath("/api/v1/services").andReturn(403,
                MockCluster.status(403, "Forbidden", "services is forbidden")).always();
        cluster.server().expect().get().withPath("/api/v1/namespaces/edge/services?labelSelector="
                + "gateway.networking.k8s.io%2Fgateway-name%3Dmain").andReturn(403,
                MockCluster.status(403, "Forbidden", "services is forbidden")).always();
        ControllerService.Lookup lookup = ControllerService.find(client, new ControllerService.Clue(
                Optional.of("203.0.113.10"), 443, Optional.of(new ObjectRef("Gateway", "edge", "main"))));
        assertThat(lookup).isInstanceOf(ControllerService.Missing.class);
        assertThat(((ControllerService.Missing) lookup).message()).isEqualTo("cannot find the controller's Service:"
                + " this user may not list Services in all namespaces or list Services in namespace edge (403"
                + " Forbidden; RBAC needs list on services)");
    }

    @Test
    void aRefusedPortForwardIsNamedInTheProbesResultAndTheFallbackSaysWhyItWasTried() {
        service("edge", "envoy-edge-main", Map.of(ControllerService.GATEWAY_NAME_LABEL, "main"), "127.0.0.1", null);
        slice("edge", "envoy-edge-main", "envoy-0", true);
        cluster.server().expect().get().withPath("/api/v1/namespaces/edge/pods/envoy-0/portforward?ports=8443")
                .andReturn(403, MockCluster.status(403, "Forbidden", "pods \"envoy-0\" is forbidden: cannot create"
                        + " resource \"pods/portforward\"")).always();
        try (RefusedPort refused = RefusedPort.open()) {
            PlannedHost host = gatewayHost(new ProbeAddress("127.0.0.1", refused.port()));
            long started = System.nanoTime();
            HostReport report = new LiveProbe(AppClock.system(), TrustAnchors.none(),
                    ProbeRoute.of(ProbeRoute.Mode.FALLBACK, Optional.of(client), "mock"))
                    .run(List.of(host), r -> { }).get(0);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
            Verdict reachable = report.verdict(Verdict.Check.REACHABLE).orElseThrow();
            assertThat(reachable.status()).isEqualTo(Verdict.Status.FAIL);
            assertThat(reachable.message()).isEqualTo("the API server refused the port-forward to pod edge/envoy-0:"
                    + " 403 Forbidden (this user may not create pods/portforward in namespace edge)");
            assertThat(report.planned().forwarded().orElseThrow().describe()).isEqualTo("via port-forward to"
                    + " edge/envoy-0, pod port 8443, because 127.0.0.1:" + refused.port() + " refused the connection");
        }
    }

    @Test
    void withoutAClusterTheForcedPortForwardSaysSoAndTheFallbackKeepsTheFirstFailure() {
        try (RefusedPort refused = RefusedPort.open()) {
            PlannedHost host = gatewayHost(new ProbeAddress("127.0.0.1", refused.port()));
            HostReport forced = new LiveProbe(AppClock.system(), TrustAnchors.none(),
                    ProbeRoute.of(ProbeRoute.Mode.PORT_FORWARD, Optional.empty(), "files"))
                    .run(List.of(host), r -> { }).get(0);
            assertThat(forced.verdict(Verdict.Check.REACHABLE).orElseThrow().message()).isEqualTo("no port-forward:"
                    + " a port-forward needs a cluster connection (the objects come from files)");
            HostReport fallback = new LiveProbe(AppClock.system(), TrustAnchors.none(),
                    ProbeRoute.of(ProbeRoute.Mode.FALLBACK, Optional.of(client), "mock"))
                    .run(List.of(host), r -> { }).get(0);
            assertThat(fallback.verdict(Verdict.Check.REACHABLE).orElseThrow().message()).isEqualTo("connection"
                    + " refused by 127.0.0.1:" + refused.port() + ": nothing listens on that port; the port-forward"
                    + " fallback failed: no controller Service found: no Service carries 127.0.0.1 in"
                    + " status.loadBalancer, and none has the labels gateway.networking.k8s.io/gateway-name=main in"
                    + " namespace edge");
        }
    }

    @Test
    void aSlowApiServerIsBoundedByTheTimeout() {
        cluster.server().expect().get().delay(20, java.util.concurrent.TimeUnit.SECONDS).withPath("/api/v1/services")
                .andReturn(200, new io.fabric8.kubernetes.api.model.ServiceListBuilder().build()).always();
        PlannedHost host = new PlannedHost(new ProbeTarget("docs.gw.example.com", new ProbeAddress("203.0.113.10",
                443), Duration.ofSeconds(1)), new Expectation("docs.gw.example.com", Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of()), "status.addresses of Gateway edge/main",
                Optional.of(new ObjectRef("Gateway", "edge", "main")), Optional.empty());
        long started = System.nanoTime();
        HostReport report = new LiveProbe(AppClock.system(), TrustAnchors.none(),
                ProbeRoute.of(ProbeRoute.Mode.PORT_FORWARD, Optional.of(client), "context mock"))
                .run(List.of(host), r -> { }).get(0);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(report.verdict(Verdict.Check.REACHABLE).orElseThrow().message()).isEqualTo("no port-forward: the"
                + " API server of context mock did not answer the controller's Service lookup within 1 s");
    }

    private static PlannedHost gatewayHost(ProbeAddress at) {
        return new PlannedHost(new ProbeTarget("docs.gw.example.com", at, TIMEOUT), new Expectation(
                "docs.gw.example.com", Optional.empty(), Optional.empty(), Optional.empty(), Map.of()),
                "status.addresses of Gateway edge/main", Optional.of(new ObjectRef("Gateway", "edge", "main")),
                Optional.empty());
    }

    private ControllerService.Found found(ControllerService.Clue clue) {
        ControllerService.Lookup lookup = ControllerService.find(client, clue);
        assertThat(lookup).as(String.valueOf(lookup)).isInstanceOf(ControllerService.Found.class);
        return (ControllerService.Found) lookup;
    }

    private void service(String ns, String name, Map<String, String> labels, String ip, String hostname) {
        client.resource(new ServiceBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(labels)
                .endMetadata().withNewSpec().withType("LoadBalancer")
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                .addNewPort().withName("https").withPort(443).withTargetPort(new IntOrString("https")).endPort()
                .endSpec().withNewStatus().withNewLoadBalancer().addNewIngress().withIp(ip).withHostname(hostname)
                .endIngress().endLoadBalancer().endStatus().build()).create();
    }

    private void slice(String ns, String service, String pod, boolean ready) {
        client.resource(new EndpointSliceBuilder().withNewMetadata().withNamespace(ns).withName(pod + "-slice")
                .addToLabels("kubernetes.io/service-name", service).endMetadata().withAddressType("IPv4")
                .addNewPort().withName("http").withPort(8080).endPort()
                .addNewPort().withName("https").withPort(8443).endPort()
                .addNewEndpoint().withAddresses("10.0.0.1").withNewConditions().withReady(ready).endConditions()
                .withNewTargetRef().withKind("Pod").withNamespace(ns).withName(pod).endTargetRef().endEndpoint()
                .build()).create();
    }
}
