package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.probe.LivePki;
import dev.gatehouse.probe.SServer;
import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.RuleSource;
import dev.gatehouse.proxy.server.ProxyConfig;
import dev.gatehouse.tls.Openssl;
import dev.gatehouse.testing.RefusedPort;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse probe} through picocli against real peers on loopback: output, JSON and exit codes. */
@Timeout(120)
class ProbeCommandTest {

    private static LivePki pki;
    private static Path objects;
    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        pki = LivePki.get();
        objects = pki.writeYaml(dir);
        LivePki.write(dir, "other.pem", pki.other.certificatePem());
        LivePki.write(dir, "other.key", pki.other.privateKeyPem());
        LivePki.write(dir, "int.pem", pki.intermediate.certificatePem());
    }

    private static CliRunner.Run probe(String... args) {
        EngineFactory factory = EngineFactory.withRoots(AppClock.system(), pki::anchors,
                ClusterSourceFactory.yamlFiles());
        return CliRunner.run(new ProbeCommand(factory), args);
    }

    @Test
    void exit0WhenTheProxyServesWhatTheObjectsSay() throws Exception {
        try (LocalProxy proxy = LocalProxy.builder(RuleSource.of("probe test", pki::view), AppClock.system())
                .config(ProxyConfig.defaults().withPorts(0, 0)).defaultCertificate(pki.fake).start()) {
            CliRunner.Run run = probe("--manifests", objects.toString(), "--host", "shop.test",
                    "--address", "127.0.0.1:" + proxy.httpsAddress().getPort(), "--timeout", "5");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("shop.test at 127.0.0.1:" + proxy.httpsAddress().getPort()
                            + " (address from --address): agrees with the objects")
                    .contains("PASS  certificate     the server sends the certificate of Secret shop/shop-tls")
                    .contains("1. CN=shop.test")
                    .contains("every host agrees with the objects (1)");
        }
    }

    @Test
    void jsonNamesTheChainTheExpectedLeafAndEachVerdict() throws Exception {
        assumeTrue(Openssl.available(), "openssl not on PATH");
        try (SServer s = SServer.start(dir, "-cert", "other.pem", "-key", "other.key", "-cert_chain", "int.pem")) {
            CliRunner.Run run = probe("--manifests", objects.toString(), "--host", "shop.test",
                    "--address", "127.0.0.1:" + s.port(), "--timeout", "5", "--json");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            Map<String, Object> root = Serialization.unmarshal(run.out(), Map.class);
            assertThat(root.get("agrees")).isEqualTo(false);
            Map<String, Object> host = map(((List<?>) root.get("hosts")).get(0));
            assertThat(host.get("host")).isEqualTo("shop.test");
            assertThat(map(host.get("expected")).get("sha256")).isEqualTo(pki.shop.fingerprintSha256());
            Map<String, Object> served = map(host.get("served"));
            List<?> chain = (List<?>) map(served.get("shop.test")).get("chain");
            assertThat(map(chain.get(0)).get("sha256")).isEqualTo(pki.other.fingerprintSha256());
            assertThat(map(chain.get(0)).get("subject")).isEqualTo("CN=other.test");
            assertThat(map(chain.get(1)).get("issuer")).isEqualTo("CN=Probe Test Root CA");
            assertThat(map(((List<?>) map(served.get("(none)")).get("chain")).get(0)).get("sha256"))
                    .isEqualTo(pki.other.fingerprintSha256());
            assertThat(map(host.get("protocols")).get("TLSv1.3")).isEqualTo("accepted");
            assertThat(host).containsEntry("alpn", null).containsEntry("hsts", null);
            List<Map<String, Object>> verdicts = ((List<?>) host.get("verdicts")).stream().map(v -> map(v)).toList();
            assertThat(verdicts).extracting(v -> v.get("check")).contains("certificate", "chainOrder", "tlsVersions",
                    "alpn", "hsts", "ocspStapling", "ctScts", "handshakeTime");
            Map<String, Object> certificate = verdicts.stream().filter(v -> v.get("check").equals("certificate"))
                    .findFirst().orElseThrow();
            assertThat(certificate.get("status")).isEqualTo("fail");
            assertThat((String) certificate.get("message")).contains("Secret shop/other-tls");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void exit1WhenNothingListens() throws Exception {
        try (RefusedPort refused = RefusedPort.open()) {
            int port = refused.port();
            CliRunner.Run run = probe("--manifests", objects.toString(), "--host", "shop.test",
                    "--address", "127.0.0.1:" + port, "--timeout", "2s");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL  reachable       connection refused by 127.0.0.1:" + port);
        }
    }

    @Test
    void exit2ForBadInput() {
        assertThat(probe("--manifests", objects.toString(), "--address", "127.0.0.1:99999"))
                .satisfies(r -> {
                    assertThat(r.exitCode()).isEqualTo(2);
                    assertThat(r.err().strip()).isEqualTo("error: --address: port 99999 in \"127.0.0.1:99999\" is not"
                            + " between 1 and 65535");
                });
        CliRunner.Run timeout = probe("--manifests", objects.toString(), "--timeout", "soon");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).startsWith("error: ").contains("--timeout");
        CliRunner.Run unknown = probe("--manifests", objects.toString(), "--host", "nowhere.test");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("error: nowhere.test: no Ingress or Gateway listener of the"
                + " objects takes this host; give --address HOST[:PORT]");
        CliRunner.Run wildcard = probe("--manifests", objects.toString(), "--host", "*.shop.test");
        assertThat(wildcard.exitCode()).isEqualTo(2);
        assertThat(wildcard.err()).contains("is a wildcard, not a host one can connect to");
        CliRunner.Run missing = probe("--manifests", dir.resolve("missing.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: ");
    }
}
