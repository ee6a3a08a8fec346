package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fuzz targets for every certificate and key reader. Without {@code JAZZER_FUZZ} each replays its committed
 * seeds ({@code MaterialFuzzTestInputs/<method>/}) as a plain test; {@code bench/fuzz.sh} fuzzes them. The
 * property: reading and analysing never throws, and every problem is a plain sentence.
 */
class MaterialFuzzTest {

    private static final MaterialAnalyzer ANALYZER = new MaterialAnalyzer(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC),
            TrustAnchors.none());

    private static void check(ParsedMaterial m) {
        MaterialAnalysis analysis = ANALYZER.analyze(List.of(m), List.of("shop.example.com"));
        assertThat(analysis.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank()
                .doesNotContain("Exception"));
    }

    @FuzzTest(maxDuration = "5m")
    void pem(byte[] data) {
        check(new PemReader(PasswordSource.of("secret".toCharArray())).read(data, "fuzz.pem"));
    }

    @FuzzTest(maxDuration = "5m")
    void der(byte[] data) {
        check(new DerReader(PasswordSource.of("secret".toCharArray()), dev.gatehouse.input.InputLimits.defaults())
                .read(data, "fuzz.der"));
    }

    @FuzzTest(maxDuration = "5m")
    void pkcs12(byte[] data) {
        check(MaterialReaders.read(data, "fuzz.p12", PasswordSource.of("secret".toCharArray())));
    }

    @FuzzTest(maxDuration = "5m")
    void pkcs7(byte[] data) {
        check(MaterialReaders.read(data, "fuzz.p7b"));
    }

    @FuzzTest(maxDuration = "5m")
    void encryptedKey(byte[] data) {
        check(MaterialReaders.read(data, "fuzz.key", PasswordSource.of("secret".toCharArray())));
    }
}
