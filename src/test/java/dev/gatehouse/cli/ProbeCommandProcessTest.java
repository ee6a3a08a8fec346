package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.probe.LivePki;
import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.RuleSource;
import dev.gatehouse.proxy.server.ProxyConfig;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse probe} as its own process against Gatehouse's proxy: the served certificate is the Secret's,
 * but the child's trust policy (a fresh Gatehouse home) does not know the test root, so trust fails: exit 1.
 */
@Timeout(180)
class ProbeCommandProcessTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) throws Exception {
        Process p = SubcommandMain.start(dir, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Result(p.exitValue(), out, Files.readString(dir.resolve("stderr.txt")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void probesAsAProcessWithExitCodes() throws Exception {
        LivePki pki = LivePki.get();
        Path objects = pki.writeYaml(dir);
        try (LocalProxy proxy = LocalProxy.builder(RuleSource.of("probe test", pki::view), AppClock.system())
                .config(ProxyConfig.defaults().withPorts(0, 0)).defaultCertificate(pki.fake).start()) {
            Result r = run("probe", "--manifests", objects.toString(), "--host", "shop.test", "--address",
                    "127.0.0.1:" + proxy.httpsAddress().getPort(), "--timeout", "5", "--json");
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            Map<String, Object> host = (Map<String, Object>) ((List<?>) Serialization.unmarshal(r.out(), Map.class)
                    .get("hosts")).get(0);
            List<Map<String, Object>> verdicts = (List<Map<String, Object>>) host.get("verdicts");
            assertThat(verdicts).filteredOn(v -> v.get("check").equals("certificate"))
                    .singleElement().satisfies(v -> assertThat(v.get("status")).isEqualTo("pass"));
            assertThat(verdicts).filteredOn(v -> v.get("status").equals("fail"))
                    .extracting(v -> v.get("check")).containsExactly("trust");
        }
        Result bad = run("probe", "--manifests", objects.toString(), "--address", "127.0.0.1:0");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("error: --address: port 0 in \"127.0.0.1:0\" is not between 1 and 65535");
    }
}
