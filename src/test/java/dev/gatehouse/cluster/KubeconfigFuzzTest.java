package dev.gatehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz target for kubeconfig reading and the checks before connecting: any file yields a source or a
 * {@link KubeconfigException} with a plain message, never another exception.
 */
class KubeconfigFuzzTest {

    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path dir = Files.createTempDirectory("gatehouse-kubeconfig-fuzz");
            dir.toFile().deleteOnExit();
            return dir.resolve("config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void kubeconfig(byte[] data) throws IOException {
        Files.write(FILE, data);
        try {
            KubeconfigSource source = KubeconfigSource.fromFile(FILE);
            for (KubeContext context : source.contexts()) {
                source.validate(context.name());
            }
        } catch (KubeconfigException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
