package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.MockCluster;
import io.fabric8.kubernetes.client.VersionInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against an API server that answers 429 with Retry-After: it waits as asked and says so. */
class LiveClusterThrottlingTest {

    @TempDir
    Path dir;

    @Test
    void theCliWaitsForRetryAfterAndNotesTheThrottling() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            cluster.server().clearExpectations();
            cluster.server().expect().get().withPath("/version")
                    .andReturn(429, MockCluster.status(429, "TooManyRequests", "too many requests"))
                    .withHeader("Retry-After", "1").times(2);
            cluster.server().expect().get().withPath("/version")
                    .andReturn(200, new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion("v1.31.0")
                            .build()).always();

            EngineFactory live = EngineFactory.withRoots(java.time.Clock.fixed(dev.gatehouse.tls.TestCerts.NOW,
                    java.time.ZoneOffset.UTC), () -> new dev.gatehouse.tls.TrustAnchors(java.util.List.of()),
                    ClusterSourceFactory.standard());
            CliRunner.Run run = CliRunner.run(new ExplainCommand(live), "--kubeconfig",
                    cluster.kubeconfig(dir).toString(), "--context", "mock", "--url", "http://shop.example.com/");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("note: the API server is throttling requests; retrying in 1 s (waited as"
                    + " its Retry-After asked)");
            assertThat(run.out()).contains("GET http://shop.example.com/");
        }
    }
}
