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
    void gatewayListenerHostsAreProbedAtTheGatewaysStatusAddressAndTheListenersPort() {
        RoutingSnapshot gateways = new RoutingEngine(pki.gatewayView(), ControllerProfile.ingressNginx(),
                TestCerts.CLOCK, pki.anchors()).snapshot();
        assertThat(ProbePlan.hosts(gateways)).as("Ingress hosts, listener hostnames and attached routes' hostnames")
                .containsExactly("app.wild.test", "gw.test", "other.test", "quiet.test", "shop.test");

        PlannedHost gw = planned(gateways, "gw.test");
        assertThat(gw.target().address()).as("the first IPAddress or Hostname, at the listener's port")
                .isEqualTo(new ProbeAddress("lb.example.test", 8443));
        assertThat(gw.addressFrom()).isEqualTo("status.addresses of Gateway shop/edge, listener tls-gw port 8443");
        assertThat(gw.expectation().expectedFingerprint()).as("the listener's Secret").contains(pki.other
                .fingerprintSha256());

        PlannedHost app = planned(gateways, "app.wild.test");
        assertThat(app.target().address()).isEqualTo(new ProbeAddress("lb.example.test", 443));
        assertThat(app.expectation().expectedFingerprint()).contains(pki.shop.fingerprintSha256());
        assertThat(app.expectation().knownLeaves()).as("Ingress and listener Secrets").hasSize(2);

        ProbePlan.HostPlan quiet = ProbePlan.host(gateways, "quiet.test", Optional.empty(), "--address",
                Duration.ofSeconds(3));
        assertThat(quiet.planned()).isEmpty();
        assertThat(quiet.problem()).contains("quiet.test: Gateway shop/quiet publishes no IPAddress or Hostname in"
                + " status.addresses (no controller has programmed it yet, or the objects come from files)");
        assertThat(ProbePlan.plan(gateways, List.of("quiet.test"), Optional.empty(), Duration.ofSeconds(3)))
                .as("the CLI refuses it with the same words").isEqualTo(new ProbePlan.Refused(List.of(
                        quiet.problem().orElseThrow() + "; give --address HOST[:PORT]")));

        ProbePlan.HostPlan typed = ProbePlan.host(gateways, "quiet.test", Optional.of(new ProbeAddress("10.0.0.9",
                9443)), "the address typed", Duration.ofSeconds(3));
        assertThat(typed.planned().orElseThrow().target().address()).isEqualTo(new ProbeAddress("10.0.0.9", 9443));
        assertThat(typed.planned().orElseThrow().addressFrom()).isEqualTo("the address typed");
    }

    private static PlannedHost planned(RoutingSnapshot snapshot, String host) {
        ProbePlan.HostPlan plan = ProbePlan.host(snapshot, host, Optional.empty(), "--address", Duration.ofSeconds(3));
        assertThat(plan.problem()).as(host).isEmpty();
        return plan.planned().orElseThrow();
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
        assertThat(ProbeAddress.parse("https://host/")).isEqualTo(new ProbeAddress.Invalid(
                "\"https://host/\" is a URL; give HOST[:PORT], e.g. host:443"));
        assertThat(ProbeAddress.parse("https://lb.example:8443/x")).isEqualTo(new ProbeAddress.Invalid(
                "\"https://lb.example:8443/x\" is a URL; give HOST[:PORT], e.g. lb.example:8443"));
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
