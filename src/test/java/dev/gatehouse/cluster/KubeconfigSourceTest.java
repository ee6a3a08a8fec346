package dev.gatehouse.cluster;

import io.fabric8.kubernetes.client.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static dev.gatehouse.cluster.KubeconfigFiles.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigSourceTest {

    @TempDir
    Path dir;

    /** First file: defines context "shared" and "dev", sets current-context dev. */
    private Path first() {
        return KubeconfigFiles.write(dir, "first.yaml", """
                apiVersion: v1
                kind: Config
                current-context: dev
                contexts:
                - name: dev
                  context: {cluster: dev-cluster, user: dev-user, namespace: shop}
                - name: shared
                  context: {cluster: first-cluster, user: dev-user}
                clusters:
                - name: dev-cluster
                  cluster: {server: "https://dev.example:6443"}
                - name: first-cluster
                  cluster: {server: "https://first.example:6443"}
                users:
                - name: dev-user
                  user: {token: %s}
                """.formatted(TOKEN));
    }

    /** Second file: redefines "shared" and dev-cluster (both must lose), adds "prod". */
    private Path second() {
        return KubeconfigFiles.write(dir, "second.yaml", """
                apiVersion: v1
                kind: Config
                current-context: prod
                contexts:
                - name: shared
                  context: {cluster: second-cluster, user: prod-user}
                - name: prod
                  context: {cluster: prod-cluster, user: prod-user}
                clusters:
                - name: dev-cluster
                  cluster: {server: "https://wrong.example:6443"}
                - name: prod-cluster
                  cluster: {server: "https://prod.example:6443"}
                - name: second-cluster
                  cluster: {server: "https://second.example:6443"}
                users:
                - name: prod-user
                  user: {token: other-token}
                """);
    }

    @Test
    void mergesSeveralFilesLikeKubectl_firstDefinitionWins() throws Exception {
        KubeconfigSource source = KubeconfigSource.fromPathList(first() + File.pathSeparator + second());

        assertThat(source.contexts()).extracting(KubeContext::name).containsExactly("dev", "shared", "prod");
        assertThat(source.context("shared")).get().extracting(KubeContext::cluster).isEqualTo("first-cluster");
        assertThat(source.currentContext()).contains("dev");
        assertThat(source.context("dev").flatMap(KubeContext::defaultNamespace)).contains("shop");
        assertThat(source.files()).hasSize(2);

        // the client configuration comes from fabric8's merge and agrees
        Config dev = source.clientConfig("dev", SessionSettings.defaults());
        assertThat(dev.getMasterUrl()).isEqualTo("https://dev.example:6443/");
        assertThat(dev.getAutoOAuthToken()).isEqualTo(TOKEN);
        assertThat(dev.getNamespace()).isEqualTo("shop");
        assertThat(dev.getConnectionTimeout()).isEqualTo(10_000); // SessionSettings.DEFAULT_TIMEOUT
        assertThat(dev.getRequestTimeout()).isEqualTo(10_000);
        Config prod = source.clientConfig("prod", SessionSettings.defaults());
        assertThat(prod.getMasterUrl()).isEqualTo("https://prod.example:6443/");
        Config shared = source.clientConfig("shared", SessionSettings.defaults());
        assertThat(shared.getMasterUrl()).isEqualTo("https://first.example:6443/");
    }

    @Test
    void currentContextComesFromTheFirstFileThatSetsIt() throws Exception {
        KubeconfigSource source = KubeconfigSource.fromPaths(List.of(second(), first()));
        assertThat(source.currentContext()).contains("prod");
        assertThat(source.context("shared")).get().extracting(KubeContext::cluster).isEqualTo("second-cluster");
    }

    @Test
    void missingFilesInTheListAreSkipped() throws Exception {
        Path missing = dir.resolve("nope.yaml");
        KubeconfigSource source = KubeconfigSource.fromPathList(missing + File.pathSeparator + first());
        assertThat(source.files()).containsExactly(first().toAbsolutePath());
        assertThat(source.contexts()).extracting(KubeContext::name).containsExactly("dev", "shared");
    }

    @Test
    void noKubeconfigAtAllGivesAnEmptySourceWithAPlainReason() throws Exception {
        KubeconfigSource source = KubeconfigSource.fromPaths(List.of(dir.resolve(".kube/config")));
        assertThat(source.isEmpty()).isTrue();
        assertThat(source.currentContext()).isEmpty();
        assertThat(source.emptyReason()).get().asString()
                .startsWith("no kubeconfig found").contains(".kube/config");
    }

    @Test
    void openingAMissingFileNamesIt() {
        Path missing = dir.resolve("gone.yaml");
        assertThatThrownBy(() -> KubeconfigSource.fromFile(missing))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("kubeconfig file " + missing.toAbsolutePath() + " does not exist")
                .satisfies(e -> assertThat(((KubeconfigException) e).file()).contains(missing.toAbsolutePath()));
    }

    @Test
    void brokenYamlNamesTheFileAndLineButQuotesNothingFromIt() {
        Path broken = KubeconfigFiles.write(dir, "broken.yaml", """
                apiVersion: v1
                users:
                - name: u
                  user:
                    token: %s: oops: [
                """.formatted(TOKEN));
        assertThatThrownBy(() -> KubeconfigSource.fromFile(broken))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("kubeconfig file " + broken.toAbsolutePath() + " is not valid kubeconfig YAML")
                .hasMessageContaining("line 5")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("oops"));
    }

    @Test
    void anEmptyFileIsAnEmptyKubeconfig() throws Exception {
        Path empty = KubeconfigFiles.write(dir, "empty.yaml", "\n");
        KubeconfigSource source = KubeconfigSource.fromFile(empty);
        assertThat(source.isEmpty()).isTrue();
        assertThat(source.emptyReason()).get().asString().startsWith("the kubeconfig defines no contexts");
    }

    @Test
    void aContextWithoutItsClusterOrUserEntryIsRefusedWithAPlainMessage() throws Exception {
        Path file = KubeconfigFiles.write(dir, "dangling.yaml", """
                apiVersion: v1
                kind: Config
                contexts:
                - name: no-cluster
                  context: {cluster: ghost, user: u}
                - name: no-user
                  context: {cluster: c, user: nobody}
                clusters:
                - name: c
                  cluster: {server: "https://c.example:6443"}
                users:
                - name: u
                  user: {token: %s}
                """.formatted(TOKEN));
        KubeconfigSource source = KubeconfigSource.fromFile(file);

        assertThatThrownBy(() -> ClusterSession.open(source, "no-cluster", NamespaceScope.all(), Runnable::run))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("context 'no-cluster' refers to cluster 'ghost', which no kubeconfig file defines");
        assertThatThrownBy(() -> ClusterSession.open(source, "no-user", NamespaceScope.all(), Runnable::run))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("context 'no-user' refers to user 'nobody', which no kubeconfig file defines");
        assertThatThrownBy(() -> ClusterSession.open(source, "typo", NamespaceScope.all(), Runnable::run))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("context 'typo' is not defined in the kubeconfig");
    }

    @Test
    void preferredContextIsTheLastUsedOneWhileItExistsElseTheCurrentOne() throws Exception {
        KubeconfigSource source = KubeconfigSource.fromPaths(List.of(first(), second()));
        assertThat(source.preferredContext("prod")).contains("prod");
        assertThat(source.preferredContext("deleted-meanwhile")).contains("dev");
        assertThat(source.preferredContext(null)).contains("dev");
    }

    @Test
    void nothingExposedCarriesCredentials() throws Exception {
        KubeconfigSource source = KubeconfigSource.fromPaths(List.of(first(), second()));
        assertThat(source.toString()).doesNotContain(TOKEN).doesNotContain("other-token");
        assertThat(source.contexts()).allSatisfy(c -> assertThat(c.toString()).doesNotContain(TOKEN));
    }

    @Test
    void userInfoIsStrippedFromServerAddresses() {
        assertThat(KubeconfigSource.withoutUserInfo("https://admin:pw@k8s.example:6443/x"))
                .isEqualTo("https://k8s.example:6443/x");
        assertThat(KubeconfigSource.withoutUserInfo("https://k8s.example:6443")).isEqualTo("https://k8s.example:6443");
    }
}
