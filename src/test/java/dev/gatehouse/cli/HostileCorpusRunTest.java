package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gatehouse.cluster.KubeconfigException;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.hostile.Corpus;
import dev.gatehouse.hostile.HostileCorpus;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus (dev.gatehouse.hostile, at least 300 inputs) through the CLI commands in-process:
 * every input ends with exit 0, 1 or 2 and a plain message, never an exception or a stack trace. FIFOs,
 * devices and the largest files are left to bench/hostile.sh, which also measures time and memory per
 * input; the timeout here only guards against hangs.
 */
class HostileCorpusRunTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static Corpus corpus;

    @BeforeAll
    static void generate() throws Exception {
        corpus = HostileCorpus.generate(dir, false);
    }

    @AfterAll
    static void forget() {
        corpus = null;
    }

    @Test
    void theCorpusHasAtLeastThreeHundredInputsInEveryArea() {
        Map<String, Long> perArea = corpus.inputs().stream()
                .collect(Collectors.groupingBy(Corpus.Input::area, Collectors.counting()));

        assertThat(corpus.inputs()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(perArea).containsOnlyKeys("certs", "manifests", "kubeconfigs")
                .allSatisfy((area, n) -> assertThat(n).isGreaterThanOrEqualTo(70));
    }

    @TestFactory
    Stream<DynamicTest> everyInputGetsAPlainAnswer() {
        return corpus.inputs().stream().map(input -> DynamicTest.dynamicTest(input.path(), () -> {
            Path path = input.path().startsWith("/") ? Path.of(input.path()) : dir.resolve(input.path());
            CliRunner.Run run = assertTimeoutPreemptively(HANG_GUARD, () -> run(input.command(), path));
            String all = run.out() + run.err();
            assertThat(run.exitCode()).as(all).isBetween(0, 2);
            assertThat(all).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception")
                    .doesNotContain("java.lang.");
            if (run.exitCode() != 0) {
                assertThat(all.strip()).as("a message").isNotEmpty();
            }
        }));
    }

    private static CliRunner.Run run(String command, Path path) {
        return switch (command) {
            case "cert" -> CliRunner.run(new CertInspectCommand(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC),
                    TrustAnchors.none()), path.toString());
            case "lint" -> CliRunner.run(new LintCommand(CliRunner.factory()), "-f", path.toString());
            default -> kubeconfig(path);
        };
    }

    /** Everything up to the first request: reading, checking, fabric8's configuration and client. */
    private static CliRunner.Run kubeconfig(Path path) {
        try {
            KubeconfigSource source = KubeconfigSource.fromFile(path);
            String context = source.currentContext().orElse("c");
            try (KubernetesClient client = source.oneShotClient(context)) {
                return new CliRunner.Run(0, "client for " + client.getMasterUrl(), "");
            }
        } catch (KubeconfigException e) {
            return new CliRunner.Run(2, "", "error: " + e.getMessage());
        } catch (RuntimeException e) {
            return new CliRunner.Run(3, "", e.toString());
        }
    }
}
