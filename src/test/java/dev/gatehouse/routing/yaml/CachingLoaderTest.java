package dev.gatehouse.routing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy's reloads read only what changed: an unchanged file is not parsed again, a changed or broken one is. */
class CachingLoaderTest {

    @TempDir
    Path dir;

    private static String ingress(String name, String path) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: %s, namespace: shop}
                spec:
                  rules:
                    - host: %s.example.com
                      http:
                        paths:
                          - {path: %s, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                """.formatted(name, name, path);
    }

    private static List<HasMetadata> objects(LoadResult result) {
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).objects();
    }

    private static String pathOf(HasMetadata o) {
        return ((Ingress) o).getSpec().getRules().get(0).getHttp().getPaths().get(0).getPath();
    }

    @Test
    void unchangedFilesAreReusedAndAChangedOneIsReadAgain() throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), ingress("a", "/old"));
        Files.writeString(dir.resolve("b.yaml"), ingress("b", "/b"));
        YamlClusterLoader loader = YamlClusterLoader.caching();
        List<HasMetadata> first = objects(loader.load(List.of(dir)));
        List<HasMetadata> again = objects(loader.load(List.of(dir)));
        assertThat(again.get(0)).isSameAs(first.get(0));
        assertThat(again.get(1)).isSameAs(first.get(1));

        Files.writeString(a, ingress("a", "/new"));
        Files.setLastModifiedTime(a, FileTime.from(Instant.now().plusSeconds(5)));
        List<HasMetadata> changed = objects(loader.load(List.of(dir)));
        assertThat(pathOf(changed.get(0))).isEqualTo("/new");
        assertThat(changed.get(1)).as("b.yaml did not change").isSameAs(first.get(1));
    }

    @Test
    void aBrokenFileIsReportedEveryTimeAndItsFixIsPickedUp() throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), "kind: [unclosed");
        YamlClusterLoader loader = YamlClusterLoader.caching();
        assertThat(loader.load(List.of(dir))).isInstanceOf(LoadResult.Failed.class);
        assertThat(loader.load(List.of(dir))).as("not cached as if it were fine").isInstanceOf(LoadResult.Failed.class);
        Files.writeString(a, ingress("a", "/fixed"));
        assertThat(pathOf(objects(loader.load(List.of(dir))).get(0))).isEqualTo("/fixed");
    }

    @Test
    void inAChangedFileOnlyTheEditedDocumentIsReadAgain() throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), ingress("a", "/a") + "---\n" + ingress("b", "/b")
                + "---\n" + ingress("c", "/c"));
        YamlClusterLoader loader = YamlClusterLoader.caching();
        List<HasMetadata> first = objects(loader.load(List.of(dir)));

        Files.writeString(a, ingress("a", "/a") + "---\n" + ingress("b", "/b2") + "---\n" + ingress("c", "/c"));
        Files.setLastModifiedTime(a, FileTime.from(Instant.now().plusSeconds(5)));
        List<HasMetadata> changed = objects(loader.load(List.of(dir)));
        assertThat(changed).hasSize(3);
        assertThat(changed.get(0)).as("document 1 did not change").isSameAs(first.get(0));
        assertThat(pathOf(changed.get(1))).isEqualTo("/b2");
        assertThat(changed.get(2)).as("document 3 did not change").isSameAs(first.get(2));
    }

    @Test
    void aDocumentBrokenByAnEditIsReportedWithItsLineThoughItsNeighboursAreKnown() throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), ingress("a", "/a") + "---\n" + ingress("b", "/b"));
        YamlClusterLoader loader = YamlClusterLoader.caching();
        objects(loader.load(List.of(dir)));
        Files.writeString(a, ingress("a", "/a") + "---\n" + "kind: [unclosed\n");
        Files.setLastModifiedTime(a, FileTime.from(Instant.now().plusSeconds(5)));
        LoadResult broken = loader.load(List.of(dir));
        assertThat(broken).isInstanceOf(LoadResult.Failed.class);
        assertThat(((LoadResult.Failed) broken).problems()).singleElement()
                .satisfies(p -> assertThat(p.display()).as("the line of the edited document")
                        .containsPattern("a\\.yaml:1[34]: invalid YAML"));
    }

    @Test
    void theDefaultLoaderReadsEveryTime() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), ingress("a", "/a"));
        YamlClusterLoader loader = new YamlClusterLoader();
        assertThat(objects(loader.load(List.of(dir))).get(0)).isNotSameAs(objects(loader.load(List.of(dir))).get(0));
    }
}
