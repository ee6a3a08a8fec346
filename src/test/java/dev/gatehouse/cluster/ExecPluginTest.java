package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kubeconfig exec credential plugin run by Gatehouse within the cluster timeout and the output limit:
 * real shell scripts as plugins, each mistake a plain message naming the user, the plugin and the limit.
 */
class ExecPluginTest {

    @TempDir
    Path dir;

    private static final SessionSettings ONE_SECOND = SessionSettings.defaults().withTimeout(Duration.ofSeconds(1));

    private Path plugin(String name, String script) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private KubeconfigSource kubeconfig(String server, Path plugin) throws Exception {
        return KubeconfigSource.fromFile(KubeconfigFiles.write(dir, "k.yaml", """
                apiVersion: v1
                kind: Config
                current-context: c
                contexts:
                - name: c
                  context: {cluster: k, user: u, namespace: shop}
                clusters:
                - name: k
                  cluster: {server: '%s'}
                users:
                - name: u
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: ./%s
                      args: [--cluster, k]
                      interactiveMode: Never
                """.formatted(server, plugin.getFileName())));
    }

    private String failure(Path plugin) throws Exception {
        KubeconfigSource source = kubeconfig("https://127.0.0.1:1", plugin);
        long start = System.nanoTime();
        try {
            source.clientConfig("c", ONE_SECOND);
            throw new AssertionError("the plugin was accepted");
        } catch (KubeconfigException e) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within the cluster timeout and a margin")
                    .isLessThan(Duration.ofSeconds(5));
            return e.getMessage();
        }
    }

    @Test
    void aPluginThatSleepsIsStoppedAtTheClusterTimeout() throws Exception {
        assertThat(failure(plugin("slow.sh", "sleep 60"))).isEqualTo("user 'u': exec plugin './slow.sh' did not finish"
                + " within the cluster timeout of 1 s (--cluster-timeout); it was stopped");
    }

    @Test
    void aPluginThatPrintsWithoutEndIsStoppedAtTheOutputLimit() throws Exception {
        assertThat(failure(plugin("chatty.sh", "exec yes 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'")))
                .isEqualTo("user 'u': exec plugin './chatty.sh' printed more than 4 MB (the limit for a kubeconfig and"
                        + " its credentials); it was stopped");
    }

    @Test
    void aPluginThatPrintsNoJsonIsNamedWithThePosition() throws Exception {
        assertThat(failure(plugin("bad.sh", "echo '{\"kind\": \"ExecCredential\", \"status\": {\"token\": ]}'")))
                .startsWith("user 'u': exec plugin './bad.sh' printed no valid ExecCredential JSON (line 1, column ");
    }

    @Test
    void aPluginThatFailsIsNamedWithItsExitCodeAndFirstErrorLine() throws Exception {
        assertThat(failure(plugin("fail.sh", "echo 'error: you must be logged in to the cloud' >&2; exit 1")))
                .isEqualTo("user 'u': exec plugin './fail.sh' failed (exit code 1): error: you must be logged in to"
                        + " the cloud");
    }

    @Test
    void aTokenLikeWordInThePluginsErrorIsNotRepeated() throws Exception {
        assertThat(failure(plugin("leak.sh", "echo 'bad token eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.payload' >&2; exit 3")))
                .isEqualTo("user 'u': exec plugin './leak.sh' failed (exit code 3): bad token …");
    }

    @Test
    void anExecCredentialWithoutTokenOrCertificateIsNamed() throws Exception {
        assertThat(failure(plugin("empty.sh", "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"kind\":\"ExecCredential\",\"status\":{}}'")))
                .isEqualTo("user 'u': exec plugin './empty.sh' printed an ExecCredential with neither a token nor a"
                        + " client certificate and key");
    }

    @Test
    void theTokenOfAWorkingPluginReachesTheApiServerAndTheSessionConnects() throws Exception {
        try (MockCluster cluster = MockCluster.start()) {
            Path ok = plugin("ok.sh", "[ \"$1 $2\" = '--cluster k' ] || exit 2\n"
                    + "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                    + "\"status\":{\"token\":\"plugin-token-42\"}}'");
            try (ClusterSession session = ClusterSession.open(kubeconfig(cluster.url(), ok), "c",
                    NamespaceScope.only("shop"), ONE_SECOND.withTimeout(Duration.ofSeconds(5)), Runnable::run)) {
                SessionSync.awaitSynced(session);
                assertThat(session.state()).isInstanceOf(ConnectionState.Connected.class);
                assertThat(cluster.server().getLastRequest().getHeader("Authorization")).isEqualTo("Bearer plugin-token-42");
            }
        }
    }

    @Test
    void aSessionWithASlowPluginSaysSoWithinTheTimeout() throws Exception {
        Path slow = plugin("slow.sh", "sleep 60");
        try (ClusterSession session = ClusterSession.open(kubeconfig("https://127.0.0.1:1", slow), "c",
                NamespaceScope.only("shop"), ONE_SECOND, Runnable::run)) {
            Await.until("unreachable", Duration.ofSeconds(5), () -> session.state() instanceof ConnectionState.Unreachable,
                    session::toString);
            assertThat(((ConnectionState.Unreachable) session.state()).reason())
                    .contains("exec plugin './slow.sh' did not finish within the cluster timeout of 1 s");
        }
    }
}
