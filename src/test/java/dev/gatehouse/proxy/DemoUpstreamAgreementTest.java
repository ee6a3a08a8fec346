package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.NamespaceScope;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.cluster.SessionSync;
import dev.gatehouse.demo.DemoBackendSource;
import dev.gatehouse.demo.DemoCluster;
import dev.gatehouse.demo.DemoScenario;
import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.route.UpstreamTls;
import dev.gatehouse.proxy.server.AccessLogEvent;
import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.Outcome;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.PathRule;
import dev.gatehouse.routing.model.Server;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every demo scenario, the Path view's controller → Service leg and what the proxy does upstream
 * (plain, re-encrypted, verified) agree: both read the engine's one answer
 * ({@link Explanation#carriage()}). The re-encrypting scenarios are also driven through the proxy to
 * the demo's echo backends.
 */
@ExtendWith(NettyLeakWatch.class)
class DemoUpstreamAgreementTest {

    /** How a controller → Service leg is carried, in the terms the proxy can be checked against. */
    private enum Carried { PLAIN, REENCRYPTED, VERIFIED, MUTUAL }

    @TempDir
    static Path dir;
    private static DemoCluster cluster;
    private static ClusterSession session;
    private static LocalProxy proxy;
    private static final ProxyFixture.AccessLog LOG = new ProxyFixture.AccessLog();

    @BeforeAll
    static void start() throws Exception {
        cluster = DemoCluster.start(dir.resolve("demo.kubeconfig"), TestCerts.CLOCK);
        session = ClusterSession.open(KubeconfigSource.fromFile(cluster.kubeconfig()), DemoCluster.CONTEXT,
                NamespaceScope.all(), Runnable::run);
        SessionSync.awaitSynced(session);
        TrustAnchors demoTrust = TrustAnchors.of(cluster.demoCaCertificate());
        proxy = LocalProxy.builder(RuleSource.of("demo cluster", () -> new SessionClusterView(session)), TestCerts.CLOCK)
                .config(ProxyFixture.testConfig())
                .backends(new BackendDirectory(List.of(new DemoBackendSource(cluster))))
                .anchors(() -> demoTrust)
                .start();
        proxy.addAccessLogListener(LOG);
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (session != null) {
            session.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The snapshot the Path view reads: its own engine over the session, the demo CA trusted. */
    private static RoutingSnapshot pathViewSnapshot() {
        return new RoutingEngine(new SessionClusterView(session), ControllerProfile.ingressNginx(), TestCerts.CLOCK,
                TrustAnchors.of(cluster.demoCaCertificate())).snapshot();
    }

    @Test
    void thePathViewsBackendLegAndTheProxysUpstreamAgreeForEveryScenario() {
        RoutingSnapshot pathView = pathViewSnapshot();
        RouteTable table = proxy.routes();
        Set<Carried> seen = EnumSet.noneOf(Carried.class);
        List<String> compared = new ArrayList<>();
        for (DemoScenario scenario : cluster.scenarios()) {
            for (ProbeRequest request : requests(pathView, scenario)) {
                Explanation explained = pathView.explain(request);
                Leg requestLeg = explained.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow();
                RouteTable.Route route = table.route(request);
                String what = scenario.namespace() + "/" + scenario.ingressName() + " " + request.host()
                        + request.path() + " (" + explained.decision().outcome() + ")";
                assertThat(route.explanation().decision().outcome()).as(what).isEqualTo(explained.decision().outcome());
                if (requestLeg.protection() == Leg.Protection.NONE
                        || requestLeg.protection() == Leg.Protection.PASSTHROUGH) {
                    assertThat(route.upstreamTls().enabled()).as(what).isFalse();
                    continue;
                }
                Carried byPath = carried(requestLeg.protection());
                assertThat(carried(route.upstreamTls())).as(what + ": Path view says " + requestLeg.label()
                        + ", the proxy " + route.upstreamTls().describe()).isEqualTo(byPath);
                laneLeg(pathView, explained).ifPresent(lane -> assertThat(carried(lane.protection()))
                        .as(what + ": the lane drawn without a request").isEqualTo(byPath));
                seen.add(byPath);
                compared.add(what);
            }
        }
        assertThat(compared).as("requests compared").hasSizeGreaterThanOrEqualTo(cluster.scenarios().size());
        assertThat(seen).as("the demo shows plain, re-encrypted and verified backend legs")
                .contains(Carried.PLAIN, Carried.REENCRYPTED, Carried.VERIFIED);
    }

    @Test
    void everyRoutedScenarioRequestIsCarriedByTheProxyAsThePathViewSays() throws Exception {
        RoutingSnapshot pathView = pathViewSnapshot();
        Set<Carried> driven = EnumSet.noneOf(Carried.class);
        for (DemoScenario scenario : cluster.scenarios()) {
            for (ProbeRequest request : requests(pathView, scenario)) {
                Explanation explained = pathView.explain(request);
                if (explained.decision().outcome() != Outcome.ROUTED) {
                    continue;
                }
                Leg leg = explained.leg(Leg.Kind.CONTROLLER_TO_SERVICE).orElseThrow();
                Carried byPath = carried(leg.protection());
                ProxyProbe.Response response = ProxyProbe.send(new ProxyProbe.Request("GET",
                        URI.create("https://" + request.host() + request.path()), proxy.httpsAddress(),
                        request.sni(), List.of(), Optional.empty(), List.of(), Duration.ofSeconds(10)));
                String what = scenario.namespace() + "/" + scenario.ingressName() + " " + request.host()
                        + request.path() + ": Path view says " + leg.label();
                assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
                String backend = LOG.next(request.path()).backend().orElseThrow();
                switch (byPath) {
                    case PLAIN -> {
                        assertThat(backend).as(what).contains("\u2192 http://");
                        assertThat(response.body()).as(what + ": the echo backend saw no TLS").doesNotContain("tls: ");
                    }
                    case REENCRYPTED -> assertThat(backend).as(what).contains("\u2192 https://",
                            "certificate not verified");
                    case VERIFIED, MUTUAL -> assertThat(backend).as(what).contains("\u2192 https://",
                            "certificate verified for " + explained.carriage().upstream().serverName().orElseThrow());
                    default -> throw new AssertionError(byPath);
                }
                if (byPath != Carried.PLAIN) {
                    assertThat(response.body()).as(what + ": the echo backend saw TLS").contains("tls: TLSv1");
                }
                driven.add(byPath);
            }
        }
        assertThat(driven).as("demo requests driven through the proxy")
                .contains(Carried.PLAIN, Carried.REENCRYPTED, Carried.VERIFIED);
    }

    /** An HTTPS request (SNI = host) for "/" and each literal path of the scenario's Ingress, per host. */
    private static List<ProbeRequest> requests(RoutingSnapshot snapshot, DemoScenario scenario) {
        ObjectRef ingress = ObjectRef.ingress(scenario.namespace(), scenario.ingressName());
        Set<ProbeRequest> out = new LinkedHashSet<>();
        for (String pattern : scenario.hosts()) {
            String host = pattern.startsWith("*.") ? "tenant-a" + pattern.substring(1) : pattern;
            Set<String> paths = new LinkedHashSet<>(List.of("/"));
            for (Server server : snapshot.model().servers().all()) {
                server.paths().stream().filter(p -> p.ingress().equals(ingress)
                                && p.host().matches(host) && !p.path().matches(".*[()\\[\\]*+?$^].*"))
                        .map(PathRule::path).forEach(paths::add);
            }
            for (String path : paths) {
                out.add(new ProbeRequest("GET", "https", host, 443, path, "", Optional.of(host),
                        ClientCertificate.NONE));
            }
        }
        return List.copyOf(out);
    }

    /** The leg the Path view draws for the lane of the path that took the request, if a path took it. */
    private static Optional<Leg> laneLeg(RoutingSnapshot snapshot, Explanation explained) {
        return explained.route().filter(r -> !r.defaultBackend()).flatMap(r -> snapshot.model().routes().all().stream()
                        .flatMap(h -> h.rules().stream())
                        .filter(rule -> rule.source().object().equals(r.ingress())
                                && rule.source().ruleIndex().equals(r.ruleIndex())
                                && rule.source().pathIndex().equals(r.pathIndex()))
                        .findFirst())
                .map(rule -> snapshot.backendLegs(rule).get(0));
    }

    private static Carried carried(Leg.Protection protection) {
        return switch (protection) {
            case PLAIN -> Carried.PLAIN;
            case REENCRYPTED_UNVERIFIED -> Carried.REENCRYPTED;
            case REENCRYPTED_VERIFIED -> Carried.VERIFIED;
            case MUTUAL_TLS -> Carried.MUTUAL;
            default -> throw new AssertionError("not a controller → Service protection: " + protection);
        };
    }

    private static Carried carried(UpstreamTls tls) {
        if (!tls.enabled()) {
            return Carried.PLAIN;
        }
        if (!tls.verify()) {
            return Carried.REENCRYPTED;
        }
        return tls.clientKey().isPresent() ? Carried.MUTUAL : Carried.VERIFIED;
    }

}
