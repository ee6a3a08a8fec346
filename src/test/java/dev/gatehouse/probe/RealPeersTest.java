package dev.gatehouse.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.RuleSource;
import dev.gatehouse.proxy.server.ProxyConfig;
import dev.gatehouse.routing.RoutingEngine;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.tls.Openssl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against real TLS peers on loopback: Gatehouse's own proxy serving the Secret's certificate, and
 * {@code openssl s_server} instances serving what a misconfigured controller serves. Judged by the app clock.
 */
@Timeout(120)
class RealPeersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Clock CLOCK = AppClock.system();
    private static LivePki pki;
    private static RoutingSnapshot snapshot;
    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        pki = LivePki.get();
        snapshot = new RoutingEngine(pki.view(), ControllerProfile.ingressNginx(), CLOCK, pki.anchors()).snapshot();
        LivePki.write(dir, "shop.pem", pki.shop.certificatePem());
        LivePki.write(dir, "shop.key", pki.shop.privateKeyPem());
        LivePki.write(dir, "old.pem", pki.shopOld.certificatePem());
        LivePki.write(dir, "old.key", pki.shopOld.privateKeyPem());
        LivePki.write(dir, "other.pem", pki.other.certificatePem());
        LivePki.write(dir, "other.key", pki.other.privateKeyPem());
        LivePki.write(dir, "fake.pem", pki.fake.certificatePem());
        LivePki.write(dir, "fake.key", pki.fake.privateKeyPem());
        LivePki.write(dir, "int.pem", pki.intermediate.certificatePem());
        LivePki.write(dir, "int.key", pki.intermediate.privateKeyPem());
        LivePki.write(dir, "root-then-int.pem", pki.root.certificatePem() + pki.intermediate.certificatePem());
    }

    private static HostReport probe(String host, int port) {
        ProbePlan.Result plan = ProbePlan.plan(snapshot, List.of(host),
                Optional.of(new ProbeAddress("127.0.0.1", port)), TIMEOUT);
        assertThat(plan).isInstanceOf(ProbePlan.Planned.class);
        return new LiveProbe(CLOCK, pki.anchors()).run(((ProbePlan.Planned) plan).hosts(), r -> { }).get(0);
    }

    private static Verdict verdict(HostReport report, Verdict.Check check) {
        return report.verdict(check).orElseThrow(() -> new AssertionError("no " + check + " verdict in " + report.verdicts()));
    }

    private static void assumeOpenssl() {
        assumeTrue(Openssl.available(), "openssl not on PATH");
    }

    @Test
    void gatehousesProxyServingTheSecretAgreesWithTheObjects() throws Exception {
        try (LocalProxy proxy = LocalProxy.builder(RuleSource.of("probe test", pki::view), CLOCK)
                .config(ProxyConfig.defaults().withPorts(0, 0)).defaultCertificate(pki.fake).start()) {
            HostReport report = probe("shop.test", proxy.httpsAddress().getPort());
            assertThat(report.failures()).as("failures").isEmpty();
            assertThat(report.agrees()).isTrue();
            assertThat(verdict(report, Verdict.Check.CERTIFICATE).message())
                    .startsWith("the server sends the certificate of Secret shop/shop-tls");
            assertThat(verdict(report, Verdict.Check.CHAIN_ORDER).status()).isEqualTo(Verdict.Status.PASS);
            assertThat(verdict(report, Verdict.Check.TRUST).message()).contains("Probe Test Root CA");
            assertThat(verdict(report, Verdict.Check.ALPN).status()).isEqualTo(Verdict.Status.PASS);
            assertThat(verdict(report, Verdict.Check.HSTS).message())
                    .startsWith("Strict-Transport-Security: max-age=31536000; includeSubDomains");
            assertThat(verdict(report, Verdict.Check.TLS_VERSIONS).message())
                    .startsWith("accepts TLS 1.2, TLS 1.3; refuses TLS 1.0, TLS 1.1");
            assertThat(verdict(report, Verdict.Check.NO_SNI).message())
                    .isEqualTo("without SNI the server sends the controller's fake default certificate"
                            + " (\"Kubernetes Ingress Controller Fake Certificate\")");
            assertThat(report.observation().withSni().handshake().orElseThrow().chain())
                    .containsExactly(pki.shop.certificate(), pki.intermediate.certificate());
        }
    }

    @Test
    void anotherSecretsCertificateIsNamed() throws Exception {
        assumeOpenssl();
        try (SServer s = SServer.start(dir, "-cert", "other.pem", "-key", "other.key", "-cert_chain", "int.pem")) {
            HostReport report = probe("shop.test", s.port());
            assertThat(verdict(report, Verdict.Check.CERTIFICATE)).isEqualTo(Verdict.fail(Verdict.Check.CERTIFICATE,
                    "the server sends the certificate of Secret shop/other-tls for shop.test, not that of Secret"
                            + " shop/shop-tls"));
            assertThat(verdict(report, Verdict.Check.HOST_NAME).status()).isEqualTo(Verdict.Status.FAIL);
            assertThat(report.agrees()).isFalse();
        }
    }

    @Test
    void theCertificateFromBeforeTheRenewalIsFound() throws Exception {
        assumeOpenssl();
        try (SServer s = SServer.start(dir, "-cert", "old.pem", "-key", "old.key", "-cert_chain", "int.pem")) {
            Verdict v = verdict(probe("shop.test", s.port()), Verdict.Check.CERTIFICATE);
            assertThat(v.status()).isEqualTo(Verdict.Status.FAIL);
            long days = Duration.between(pki.shop.certificate().getNotBefore().toInstant(), CLOCK.instant()).toDays();
            assertThat(v.message()).startsWith("Secret shop/shop-tls was renewed " + (days == 1 ? "1 day ago" : days + " days ago"))
                    .contains("but the controller still serves the old certificate (notBefore "
                            + pki.shopOld.certificate().getNotBefore().toInstant());
        }
    }

    @Test
    void theControllersFakeCertificateIsNamed() throws Exception {
        assumeOpenssl();
        try (SServer s = SServer.start(dir, "-cert", "fake.pem", "-key", "fake.key")) {
            HostReport report = probe("shop.test", s.port());
            assertThat(verdict(report, Verdict.Check.CERTIFICATE).message()).startsWith(
                    "the controller serves its fake default certificate for shop.test instead of the certificate of"
                            + " Secret shop/shop-tls");
            assertThat(verdict(report, Verdict.Check.TRUST).message()).startsWith("not trusted here: it is self-signed");
        }
    }

    @Test
    void anIncompleteChainWithoutAlpnOrHsts() throws Exception {
        assumeOpenssl();
        try (SServer s = SServer.start(dir, "-cert", "shop.pem", "-key", "shop.key")) {
            HostReport report = probe("shop.test", s.port());
            assertThat(verdict(report, Verdict.Check.CERTIFICATE).status()).isEqualTo(Verdict.Status.PASS);
            assertThat(verdict(report, Verdict.Check.CHAIN_COMPLETE).message()).startsWith(
                    "the chain is incomplete as served: \"Probe Test Intermediate CA\", which issued \"shop.test\","
                            + " is not included");
            assertThat(verdict(report, Verdict.Check.ALPN).message())
                    .startsWith("no ALPN h2: the server answered no ALPN protocol");
            assertThat(verdict(report, Verdict.Check.HSTS).message())
                    .startsWith("no HSTS header: GET / answered \"HTTP/1.0 200 ok\" without Strict-Transport-Security");
            assertThat(report.agrees()).isFalse();
        }
    }

    @Test
    void aChainOutOfOrder() throws Exception {
        assumeOpenssl();
        try (SServer s = SServer.start(dir, "-cert", "shop.pem", "-key", "shop.key", "-cert_chain",
                "root-then-int.pem", "-alpn", "h2,http/1.1")) {
            HostReport report = probe("shop.test", s.port());
            assertThat(verdict(report, Verdict.Check.CHAIN_ORDER).message())
                    .startsWith("the chain is served out of order: The intermediates are out of order");
            assertThat(verdict(report, Verdict.Check.ALPN).status()).isEqualTo(Verdict.Status.PASS);
        }
    }

    @Test
    void tls10StillAccepted() throws Exception {
        assumeOpenssl();
        try (SServer s = SServer.start(dir, "-cert", "shop.pem", "-key", "shop.key", "-cert_chain", "int.pem",
                "-tls1", "-cipher", "DEFAULT@SECLEVEL=0")) {
            HostReport report = probe("shop.test", s.port());
            assertThat(verdict(report, Verdict.Check.TLS_VERSIONS).message())
                    .startsWith("TLS 1.0 is still accepted (accepts TLS 1.0; refuses TLS 1.1, TLS 1.2, TLS 1.3)");
            assertThat(verdict(report, Verdict.Check.NEGOTIATED).message()).startsWith("TLSv1 with ");
        }
    }

    @Test
    void aStapledOcspResponseIsRead() throws Exception {
        assumeOpenssl();
        Openssl openssl = new Openssl(dir);
        String expiry = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(pki.shop.certificate().getNotAfter().toInstant());
        Files.writeString(dir.resolve("index.txt"), "V\t" + expiry + "\t\t"
                + pki.shop.certificate().getSerialNumber().toString(16).toUpperCase() + "\tunknown\t"
                + "/CN=shop.test\n");
        openssl.ok("ocsp", "-index", "index.txt", "-rsigner", "int.pem", "-rkey", "int.key", "-CA", "int.pem",
                "-issuer", "int.pem", "-cert", "shop.pem", "-respout", "ocsp.der", "-ndays", "800");
        try (SServer s = SServer.start(dir, "-cert", "shop.pem", "-key", "shop.key", "-cert_chain", "int.pem",
                "-status_file", "ocsp.der")) {
            HostReport report = probe("shop.test", s.port());
            assertThat(verdict(report, Verdict.Check.OCSP_STAPLING).message())
                    .startsWith("OCSP response stapled: status good, produced ");
            assertThat(verdict(report, Verdict.Check.OCSP_STAPLING).status()).isEqualTo(Verdict.Status.PASS);
        }
    }
}
