package dev.gatehouse.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.TestCerts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which hosts a probe visits, where it connects and what it expects, from the objects alone. */
class ProbePlanTest {

    private final LivePki pki = LivePki.get();
    private final RoutingSnapshot snapshot = new RoutingEngine(pki.view(), ControllerProfile.ingressNginx(),
            TestCerts.CLOCK, pki.anchors()).snapshot();

    @Test
    void everyTlsHostAtTheAddressItsIngressPublishes() {
        ProbePlan.Result result = ProbePlan.plan(snapshot, List.of(), Optional.empty(), Duration.ofSeconds(3));
        assertThat(result).isInstanceOf(ProbePlan.Planned.class);
        List<PlannedHost> hosts = ((ProbePlan.Planned) result).hosts();
        assertThat(hosts).extracting(h -> h.target().host()).containsExactly("other.test", "shop.test");
        PlannedHost shop = hosts.get(1);
        assertThat(shop.target().address()).isEqualTo(new ProbeAddress("127.0.0.1", 443));
        assertThat(shop.addressFrom()).isEqualTo("status.loadBalancer of Ingress shop/shop");
        assertThat(shop.target().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(shop.expectation().certificate()).containsInstanceOf(ServedCertificate.FromSecret.class);
        assertThat(shop.expectation().expectedFingerprint()).contains(pki.shop.fingerprintSha256());
        assertThat(shop.expectation().hsts()).contains("max-age=31536000; includeSubDomains");
        assertThat(shop.expectation().knownLeaves()).hasSize(2);
    }

    @Test
    void addressesAreReadPlainly() {
        assertThat(ProbeAddress.parse("10.0.0.1")).isEqualTo(new ProbeAddress.Valid(new ProbeAddress("10.0.0.1", 443)));
        assertThat(ProbeAddress.parse("lb.example.com:8443"))
                .isEqualTo(new ProbeAddress.Valid(new ProbeAddress("lb.example.com", 8443)));
        assertThat(ProbeAddress.parse("[::1]:8443")).isEqualTo(new ProbeAddress.Valid(new ProbeAddress("::1", 8443)));
        assertThat(ProbeAddress.parse("::1")).isEqualTo(new ProbeAddress.Valid(new ProbeAddress("::1", 443)));
        assertThat(ProbeAddress.parse("host:http")).isEqualTo(new ProbeAddress.Invalid(
                "\"http\" in \"host:http\" is not a port number"));
        assertThat(ProbeAddress.parse("https://host/")).isInstanceOf(ProbeAddress.Invalid.class);
        assertThat(ProbeAddress.parse(" ")).isInstanceOf(ProbeAddress.Invalid.class);
    }

    @Test
    void thePublishedPortIsTheOneInStatusLoadBalancerPorts() {
        assertThat(ProbePlan.port(lb())).isEqualTo(443);
        assertThat(ProbePlan.port(lb(80, 30443))).as("443 unlisted: the first port").isEqualTo(80);
        assertThat(ProbePlan.port(lb(80, 443))).as("443 listed").isEqualTo(443);
        assertThat(ProbePlan.port(new io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder()
                .withIp("127.0.0.1").addNewPort().withPort(8443).withError("Pending").endPort()
                .addNewPort().withPort(9443).endPort().build())).as("a port with an error is skipped").isEqualTo(9443);
    }

    private static io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress lb(int... ports) {
        var b = new io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder().withIp("127.0.0.1");
        for (int p : ports) {
            b.addNewPort().withPort(p).withProtocol("TCP").endPort();
        }
        return b.build();
    }
}
