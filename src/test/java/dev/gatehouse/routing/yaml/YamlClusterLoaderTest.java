package dev.gatehouse.routing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.routing.input.ObjectRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlClusterLoaderTest {

    private final YamlClusterLoader loader = new YamlClusterLoader();

    @Test
    void readsMultiDocumentFilesAndLists() {
        LoadResult result = loader.parse("""
                # leading comment
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {ingressClassName: nginx}
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {name: web, namespace: shop}
                  spec: {ports: [{port: 80}]}
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web, namespace: shop}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: tls}
                type: kubernetes.io/tls
                stringData: {tls.crt: x, tls.key: y}
                ...
                """, "all.yaml");

        assertThat(result).isInstanceOfSatisfying(LoadResult.Loaded.class, loaded -> {
            assertThat(loaded.objects()).extracting(o -> o.getKind())
                    .containsExactly("Ingress", "Service", "Deployment", "Secret");
            assertThat(loaded.view().ingresses()).hasSize(1);
            assertThat(loaded.view().service("shop", "web")).isPresent();
            assertThat(loaded.view().secret("default", "tls")).as("no namespace means default").isPresent();
            assertThat(loaded.view().scope().secrets()).isTrue();
            assertThat(loaded.view().scope().endpointSlices()).isFalse();
        });
    }

    @Test
    void badYamlGivesFileAndLine() {
        LoadResult result = loader.parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: [web
                  namespace: shop
                """, "broken.yaml");

        assertThat(result).isInstanceOfSatisfying(LoadResult.Failed.class, failed ->
                assertThat(failed.problems()).singleElement().satisfies(p -> {
                    assertThat(p.source()).isEqualTo("broken.yaml");
                    assertThat(p.line()).isEqualTo(OptionalInt.of(10));
                    assertThat(p.display()).startsWith("broken.yaml:10: invalid YAML: ");
                }));
    }

    @Test
    void wrongValueTypeAndNonObjectsArePlainMessages() {
        LoadResult wrongType = loader.parse("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  ports:
                  - port: eighty
                """, "svc.yaml");
        assertThat(wrongType).isInstanceOfSatisfying(LoadResult.Failed.class, f -> assertThat(f.problems())
                .singleElement().satisfies(p -> assertThat(p.display())
                        .startsWith("svc.yaml:1: document 1 could not be read as a Kubernetes object:")
                        .contains("eighty")));

        LoadResult notK8s = loader.parse("name: just some config\n", "config.yaml");
        assertThat(notK8s).isInstanceOfSatisfying(LoadResult.Failed.class, f -> assertThat(f.problems())
                .extracting(LoadProblem::message)
                .containsExactly("document 1 is not a Kubernetes object (it has no apiVersion and kind)"));
    }

    @Test
    void oldIngressApiVersionIsANoteNotAnObject() {
        LoadResult result = loader.parse("""
                apiVersion: networking.k8s.io/v1beta1
                kind: Ingress
                metadata: {name: old, namespace: shop}
                """, "old.yaml");

        assertThat(result).isInstanceOfSatisfying(LoadResult.Loaded.class, loaded -> {
            assertThat(loaded.view().ingresses()).isEmpty();
            assertThat(loaded.notes()).singleElement().asString().contains("networking.k8s.io/v1beta1");
        });
    }

    @Test
    void readsDirectoriesRecursivelyInNameOrder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: b}\n");
        Files.writeString(dir.resolve("sub/a.yml"), "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n");
        Files.writeString(dir.resolve("notes.txt"), "not yaml");

        LoadResult result = loader.load(List.of(dir));

        assertThat(result).isInstanceOfSatisfying(LoadResult.Loaded.class, loaded ->
                assertThat(loaded.objects()).extracting(ObjectRef::nameOf).containsExactly("b", "a"));
    }

    @Test
    void missingFileAndEmptyDirectoryAreReported(@TempDir Path dir) {
        LoadResult result = loader.load(List.of(dir.resolve("nope.yaml"), dir));

        assertThat(result).isInstanceOfSatisfying(LoadResult.Failed.class, failed ->
                assertThat(failed.problems()).extracting(LoadProblem::message)
                        .containsExactly("no such file or directory", "the directory holds no .yaml, .yml or .json file"));
    }
}
