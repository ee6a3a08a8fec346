package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the hostile corpus yields its specific problem and nothing throws. The timeout is a
 * guard against hangs only; the 1 s per file target is measured by bench/cert-corpus.sh.
 */
class HostileCorpusTest {

    private static final String CORPUS = "/dev/gatehouse/tls/corpus/";
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final MaterialAnalyzer analyzer = new MaterialAnalyzer(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC),
            TrustAnchors.none());

    record Case(String file, String password, MaterialProblem.Kind kind, String fragment) {
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream(CORPUS + "expected.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", -1))
                    .map(c -> new Case(c[0], c[1], MaterialProblem.Kind.valueOf(c[2]), c[3]))
                    .toList();
        }
    }

    @Test
    void theCorpusHasAtLeastSixtyInputs() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(60);
    }

    @TestFactory
    Stream<DynamicTest> eachInputGetsItsSpecificMessage() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> {
            byte[] bytes;
            try (InputStream in = getClass().getResourceAsStream(CORPUS + c.file())) {
                bytes = in.readAllBytes();
            }
            PasswordSource passwords = "-".equals(c.password()) ? PasswordSource.none()
                    : PasswordSource.of(c.password().toCharArray());
            MaterialAnalysis analysis = assertTimeoutPreemptively(HANG_GUARD,
                    () -> analyzer.analyze(List.of(MaterialReaders.read(bytes, c.file(), passwords)), List.of()));
            assertThat(analysis.problems(c.kind())).as(analysis.problems().toString())
                    .anySatisfy(p -> assertThat(p.message()).contains(c.fragment()));
        }));
    }

    @Test
    void tenMegabytesOfNoiseIsRefusedUnread(@TempDir Path dir) throws IOException {
        byte[] noise = new byte[10 * 1024 * 1024];
        new Random(1).nextBytes(noise);
        Path file = dir.resolve("noise.bin");
        Files.write(file, noise);

        ParsedMaterial fromBytes = assertTimeoutPreemptively(HANG_GUARD, () -> MaterialReaders.read(noise, "noise.bin"));
        ParsedMaterial fromFile = MaterialFiles.read(List.of(file), PasswordSource.none()).get(0);

        assertThat(fromBytes.problems()).extracting(MaterialProblem::message)
                .containsExactly("noise.bin is 10.0 MB; certificate and key files are a few kilobytes, so it was not read");
        assertThat(fromFile.problems()).extracting(MaterialProblem::kind).containsExactly(MaterialProblem.Kind.TOO_LARGE);
    }

    @Test
    void threeMegabytesOfNoiseThatStartsLikeDerIsDamaged() {
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(2).nextBytes(noise);
        noise[0] = 0x30;

        ParsedMaterial m = assertTimeoutPreemptively(HANG_GUARD, () -> MaterialReaders.read(noise, "blob.der"));

        assertThat(m.problems()).singleElement().satisfies(p -> assertThat(p.kind())
                .isIn(MaterialProblem.Kind.DAMAGED, MaterialProblem.Kind.TRUNCATED));
    }
}
