package dev.gatehouse.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file input stops at its limit, whatever the file claims to be. */
class BoundedFilesTest {

    private final BoundedFiles files = new BoundedFiles(InputLimits.defaults()
            .withStreamTimeout(Duration.ofMillis(300)));

    @Test
    void devZeroStopsAtTheLimitInsteadOfFillingTheMemory() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));

        assertThatThrownBy(() -> files.read(Path.of("/dev/zero"), "/dev/zero", BoundedFiles.Kind.CERTIFICATE))
                .isInstanceOfSatisfying(InputLimitException.class, e -> assertThat(e.isLimit()).isTrue())
                .hasMessage("/dev/zero is larger than the 4 MB limit for certificate and key files; it was not read");
    }

    @Test
    void aFifoNobodyWritesIsGivenUpAfterTheStreamTimeout(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS)
                && Files.exists(fifo));

        assertThatThrownBy(() -> files.read(fifo, "fifo", BoundedFiles.Kind.MANIFEST))
                .hasMessage("fifo is not a regular file (a FIFO, pipe or device) and did not reach its end within"
                        + " the 300 ms limit for streams; it was not read");
    }

    @Test
    void aProcFileThatClaimsSizeZeroIsReadWhole() throws Exception {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.exists(status));

        assertThat(files.readText(status, "status", BoundedFiles.Kind.MANIFEST)).contains("Name:");
    }

    @Test
    void missingDirectoryAndTooLargeFilesAreNamed(@TempDir Path dir) throws IOException {
        Path big = Files.write(dir.resolve("big.txt"), new byte[5000]);

        assertThatThrownBy(() -> files.read(dir.resolve("nope"), "nope", BoundedFiles.Kind.KUBECONFIG))
                .hasMessage("nope does not exist");
        assertThatThrownBy(() -> files.read(dir, "certs", BoundedFiles.Kind.CERTIFICATE))
                .hasMessage("certs is a directory, not a file");
        assertThatThrownBy(() -> files.read(big, "big.txt", BoundedFiles.Kind.PASSWORD))
                .hasMessage("big.txt is larger than the 4 KB limit for password files; it was not read");
    }

    @Test
    void textMustBeUtf8AndLosesItsByteOrderMark(@TempDir Path dir) throws Exception {
        Path latin1 = Files.write(dir.resolve("l.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9});
        Path bom = Files.write(dir.resolve("b.yaml"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'});

        assertThatThrownBy(() -> files.readText(latin1, "l.yaml", BoundedFiles.Kind.MANIFEST))
                .hasMessage("l.yaml is not UTF-8 text");
        assertThat(files.readText(bom, "b.yaml", BoundedFiles.Kind.MANIFEST)).isEqualTo("a");
    }
}
