package dev.gatehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.testing.RefusedPort;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The side by side over real loopback connections: two proxies, stand-in backends, the corpus replayed. */
class SideBySideTest {

    private static final String EXACT = ConversionRulesTest.TLS_SECRET + "---\n"
            + ConversionRulesTest.ingress("web", "", true, ConversionRulesTest.PATHS);

    /** One line per difference, for failure messages. */
    static final class RealReplayText {
        static String line(Difference d) {
            return d.probe().request().url() + " " + d.probe().request().sni() + " " + d.probe().purpose() + ": "
                    + d.summary() + " " + d.explanations();
        }
    }

    private record Run(MigrationResult engine, DiffReport real, int progressed) {
    }

    private static Run sideBySide(String ingresses) throws Exception {
        ClusterView input = MigrationFixture.view(MigrationFixture.SERVICES + "---\n" + ingresses);
        Migrator migrator = new Migrator(ControllerProfile.ingressNginx(), TestCerts.CLOCK, TrustAnchors.jdkDefaults());
        MigrationResult result = migrator.migrate(input, MigrationRequest.everything());
        AtomicInteger last = new AtomicInteger();
        try (SideBySide sides = SideBySide.start(input, result, ControllerProfile.ingressNginx(), TestCerts.CLOCK,
                TrustAnchors.jdkDefaults(), SideBySide.Options.ephemeral())) {
            assertThat(sides.readyLine()).matches("old \\(Ingress\\) https=127\\.0\\.0\\.1:\\d+ http=127\\.0\\.0\\.1:\\d+;"
                    + " new \\(Gateway\\) https=127\\.0\\.0\\.1:\\d+ http=127\\.0\\.0\\.1:\\d+");
            DiffReport real = sides.replay((done, total) -> last.accumulateAndGet(done, Math::max), () -> false);
            return new Run(result, real, last.get());
        }
    }

    @Test
    void anExactConversionAnswersEveryRequestAlikeButTheOneWithoutSni() throws Exception {
        Run run = sideBySide(ConversionRulesTest.TLS_SECRET + "---\n" + ConversionRulesTest.ingress("web",
                "nginx.ingress.kubernetes.io/ssl-redirect: \"false\"", true, ConversionRulesTest.PATHS));
        assertThat(run.real().compared()).isEqualTo(run.engine().corpus().size()).isEqualTo(run.progressed());
        ConversionRulesTest.onlyNoSniDiffers(run.engine());
        // every request with SNI, and every plain HTTP one, gets the same real answer from both proxies; the local
        // Gateway proxy (unlike the engine) also answers a connection without SNI, with the default certificate
        assertThat(run.real().differences()).extracting(d -> RealReplayText.line(d)).allSatisfy(line ->
                assertThat(line).contains("NO_SNI").contains("no SNI: ingress-nginx serves its default certificate"));
        assertThat(run.real().caveats()).anySatisfy(c -> assertThat(c).contains("stand-in echo servers"));
    }

    @Test
    void realRedirectsShowWhatTheEngineCannot() throws Exception {
        Run run = sideBySide(EXACT);
        // ingress-nginx redirects to https://$host$request_uri, the path as sent; the Gateway proxy's RequestRedirect
        // carries the path as it matched it: only real responses show the //api → /api difference
        Difference slash = run.real().differences().stream().filter(d -> d.probe().purpose() == Probe.Purpose
                .DOUBLE_SLASH && !d.probe().request().https()).findFirst().orElseThrow();
        assertThat(slash.fields()).containsExactly("Location");
        assertThat(slash.before().location()).isEqualTo("https://shop.example.com//api");
        assertThat(slash.after().location()).isEqualTo("https://shop.example.com/api");
        assertThat(slash.explanations()).anySatisfy(e -> assertThat(e).startsWith("URL normalisation"));
        assertThat(run.engine().diff().differences()).noneMatch(d -> d.probe().equals(slash.probe()));
        assertThat(run.real().unexplained()).extracting(d -> RealReplayText.line(d)).isEmpty();
    }

    @Test
    void realAnswersNameTheStandInBackendPathHostAndCertificate() throws Exception {
        ClusterView input = MigrationFixture.view(MigrationFixture.SERVICES + "---\n" + EXACT);
        MigrationResult result = new Migrator(ControllerProfile.ingressNginx(), TestCerts.CLOCK,
                TrustAnchors.jdkDefaults()).migrate(input, MigrationRequest.everything());
        Probe api = new Probe(new ProbeRequest("GET", "https", "shop.example.com", 443, "/api/v1", "a=1",
                Optional.of("shop.example.com"), ClientCertificate.NONE), Probe.Purpose.DEEPER);
        Probe http = new Probe(new ProbeRequest("GET", "http", "shop.example.com", 80, "/api", "",
                Optional.empty(), ClientCertificate.NONE), Probe.Purpose.PATH);
        try (SideBySide sides = SideBySide.start(input, result, ControllerProfile.ingressNginx(), TestCerts.CLOCK,
                TrustAnchors.jdkDefaults(), SideBySide.Options.ephemeral())) {
            // every field agrees, so look at the observations through a probe that differs on purpose: none here
            DiffReport report = sides.replay(List.of(api, http), null, null);
            assertThat(report.differences()).isEmpty();
            ReplayClient client = new ReplayClient(Duration.ofSeconds(5));
            var old = client.send(sides.address(false, true, 443), api.request());
            var neu = client.send(sides.address(true, true, 443), api.request());
            for (var answer : List.of(old, neu)) {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.header(StandInBackends.SERVICE_HEADER)).contains("shop/api:8080");
                assertThat(answer.echoed("path")).contains("/api/v1?a=1");
                assertThat(answer.echoed("host")).contains("shop.example.com");
                assertThat(answer.echoed("tls")).contains("no");
            }
            assertThat(old.leaf()).isEqualTo(neu.leaf()).isNotEmpty();
            var redirect = client.send(sides.address(true, false, 80), http.request());
            assertThat(redirect.status()).isEqualTo(308);
            assertThat(RealObserved.location(redirect.header("Location").orElseThrow(), sides.localToListener(true)))
                    .isEqualTo("https://shop.example.com/api");
        }
    }

    @Test
    void aRegexTrapDiffersInTheEngineAndInRealResponsesAlike() throws Exception {
        Run run = sideBySide(ConversionRulesTest.TLS_SECRET + "---\n" + ConversionRulesTest.ingress("web",
                "nginx.ingress.kubernetes.io/rewrite-target: /$2", true,
                "- {path: /api(/|$)(.*), pathType: ImplementationSpecific, backend: {service: {name: api, port: {number: 8080}}}}"));
        for (DiffReport report : List.of(run.engine().diff(), run.real())) {
            Difference upper = report.differences().stream().filter(d -> d.probe().purpose() == Probe.Purpose.UPPER_CASE
                    && d.probe().request().https()).findFirst().orElseThrow();
            assertThat(upper.explanations()).anySatisfy(e -> assertThat(e).startsWith("regex paths are case-insensitive"));
            assertThat(upper.fields()).contains("backend");
            assertThat(upper.before().backend()).isEqualTo("shop/api:8080");
        }
        assertThat(run.real().unexplained()).extracting(d -> RealReplayText.line(d)).isEmpty();
    }

    @Test
    void aCancelledReplayStopsWithAPlainMessage() throws Exception {
        ClusterView input = MigrationFixture.view(MigrationFixture.SERVICES + "---\n" + EXACT);
        MigrationResult result = new Migrator(ControllerProfile.ingressNginx(), TestCerts.CLOCK,
                TrustAnchors.jdkDefaults()).migrate(input, MigrationRequest.everything());
        try (SideBySide sides = SideBySide.start(input, result, ControllerProfile.ingressNginx(), TestCerts.CLOCK,
                TrustAnchors.jdkDefaults(), SideBySide.Options.ephemeral())) {
            assertThatThrownBy(() -> sides.replay(null, () -> true)).isInstanceOf(InterruptedException.class)
                    .hasMessageContaining("cancelled after 0 of " + result.corpus().size());
        }
    }

    @Test
    void aRefusedPortIsAnAnswerWithAReason() {
        try (RefusedPort refused = RefusedPort.open()) {
            var answer = new ReplayClient(Duration.ofSeconds(5)).send(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), refused.port()), new ProbeRequest("GET", "https", "a.example", 443,
                    "/", "", Optional.of("a.example"), ClientCertificate.NONE));
            assertThat(answer.status()).isEqualTo(-1);
            assertThat(answer.error()).isEqualTo("connection refused by 127.0.0.1:" + refused.port()
                    + ": nothing listens there");
        }
    }
}
