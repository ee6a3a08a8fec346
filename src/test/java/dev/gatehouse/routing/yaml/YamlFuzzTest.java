package dev.gatehouse.routing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Fuzz target for the manifest loader: any text is loaded or refused with plain problems, never thrown. */
class YamlFuzzTest {

    private static final YamlClusterLoader LOADER = new YamlClusterLoader();

    @FuzzTest(maxDuration = "5m")
    void manifests(byte[] data) {
        LoadResult result = LOADER.parse(new String(data, StandardCharsets.UTF_8), "fuzz.yaml");
        if (result instanceof LoadResult.Failed failed) {
            assertThat(failed.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
        }
    }
}
