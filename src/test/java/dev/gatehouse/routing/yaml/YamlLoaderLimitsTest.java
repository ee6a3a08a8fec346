package dev.gatehouse.routing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.input.InputLimits;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile manifests: each is a plain problem naming the file and the limit, never an exception. */
class YamlLoaderLimitsTest {

    private final YamlClusterLoader loader = new YamlClusterLoader();

    private static List<String> problems(LoadResult result) {
        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        return ((LoadResult.Failed) result).problems().stream().map(LoadProblem::display).toList();
    }

    @Test
    void deepNestingIsALimitNotAStackOverflow() {
        assertThat(problems(loader.parse("apiVersion: v1\nkind: ConfigMap\ndata: " + "[".repeat(10_000), "deep.yaml")))
                .containsExactly("deep.yaml:1: document 1 nests mappings and lists deeper than 100 levels (line 3,"
                        + " column 106), the limit (yamlNestingDepth); it was not read");
    }

    @Test
    void aListInsideAListIsReadNotAClassCastException() {
        LoadResult result = loader.parse("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: List
                  items:
                  - apiVersion: v1
                    kind: Service
                    metadata: {name: web, namespace: shop}
                """, "lists.yaml");

        assertThat(result).isInstanceOfSatisfying(LoadResult.Loaded.class, loaded ->
                assertThat(loaded.objects()).extracting(o -> o.getMetadata().getName()).containsExactly("web"));
    }

    @Test
    void jsonFollowedByGarbageIsAParseErrorWithLineAndColumn() {
        assertThat(problems(loader.parse("{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"a\"}}"
                + " oops", "svc.json")))
                .singleElement().asString()
                .startsWith("svc.json:1: invalid YAML: expected '<document start>'").endsWith("at column 68");
    }

    @Test
    void stringDataIsKeptForSecretReading() {
        LoadResult result = loader.parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: tls, namespace: shop}
                type: kubernetes.io/tls
                stringData:
                  tls.crt: "x"
                """, "secret.yaml");

        assertThat(((LoadResult.Loaded) result).objects()).singleElement().isInstanceOfSatisfying(Secret.class,
                s -> assertThat(s.getStringData()).containsEntry("tls.crt", "x"));
    }

    @Test
    void tooManyObjectsAndTooManyPathsNameTheirLimit() {
        InputLimits small = new InputLimits(4 << 20, 16 << 20, 4 << 20, 4096, java.time.Duration.ofSeconds(5), 100,
                100, 1_000_000, 3, 2, 1000, 1000, 1_000_000);
        YamlClusterLoader limited = new YamlClusterLoader(small);
        String services = IntStream.range(0, 5).mapToObj(i -> "apiVersion: v1\nkind: Service\nmetadata: {name: s" + i
                + "}\n").collect(Collectors.joining("---\n"));
        String ingress = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  rules:
                  - host: a.example.com
                    http:
                      paths:
                      - {path: /a, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
                      - {path: /b, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
                      - {path: /c, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
                """;

        assertThat(problems(limited.parse(services, "many.yaml"))).containsExactly("input: holds more than 3"
                + " Kubernetes objects, the limit per input (objectsPerInput); it was not used");
        assertThat(problems(limited.parse(ingress, "ing.yaml"))).containsExactly("ing.yaml:1: Ingress shop/web has 3"
                + " paths, more than the limit of 2 per Ingress (rulesPerIngress); it was not used");
    }

    @Test
    void aDeviceOrAnOversizedFileIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path big = Files.writeString(dir.resolve("big.yaml"), "a: " + "x".repeat(17 << 20));

        assertThat(problems(loader.load(List.of(big))))
                .containsExactly(big + ": is larger than the 16 MB limit for YAML and JSON manifests; it was not read");
        if (Files.exists(Path.of("/dev/zero"))) {
            assertThat(problems(loader.load(List.of(Path.of("/dev/zero"))))).containsExactly("/dev/zero: is larger"
                    + " than the 16 MB limit for YAML and JSON manifests; it was not read");
        }
    }
}
