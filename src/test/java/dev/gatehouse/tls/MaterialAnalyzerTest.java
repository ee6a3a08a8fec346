package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaterialAnalyzerTest {

    private final List<TestCerts.Issued> chain = TestCerts.chain("shop.example.com");
    private final TestCerts.Issued leaf = chain.get(0);
    private final TestCerts.Issued intermediate = chain.get(1);
    private final TestCerts.Issued root = chain.get(2);
    private final MaterialAnalyzer analyzer = new MaterialAnalyzer(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC),
            TrustAnchors.of(root.cert()));

    private static ParsedMaterial read(String text, String name) {
        return MaterialReaders.read(text.getBytes(StandardCharsets.US_ASCII), name);
    }

    @Test
    void separateFilesInAnyOrderBecomeOneOrderedSecretChain() {
        List<ParsedMaterial> files = List.of(read(TestCerts.pem(leaf.key()), "tls.key"),
                read(TestCerts.pem(root.cert(), intermediate.cert()), "ca-bundle.pem"),
                read(TestCerts.pem(leaf.cert()), "tls.crt"));

        MaterialAnalysis analysis = analyzer.analyze(files, List.of("shop.example.com"));

        assertThat(analysis.usableForTls()).isTrue();
        assertThat(analysis.tlsChain()).containsExactly(leaf.cert(), intermediate.cert());
        assertThat(analysis.chain().order()).isEqualTo(ChainAnalysis.Order.LEAF_NOT_FIRST);
        assertThat(analysis.problems()).extracting(MaterialProblem::kind)
                .contains(MaterialProblem.Kind.LEAF_NOT_FIRST, MaterialProblem.Kind.ROOT_INCLUDED)
                .doesNotContain(MaterialProblem.Kind.KEY_WITHOUT_CERTIFICATE);
        assertThat(analysis.chain().trustedBy()).isPresent();
    }

    @Test
    void hostsNotCoveredAreErrors() {
        MaterialAnalysis analysis = analyzer.analyze(read(TestCerts.pem(leaf.cert(), intermediate.cert(), leaf.key()),
                "bundle.pem"), List.of("shop.example.com", "www.shop.example.com"));

        assertThat(analysis.problems(MaterialProblem.Kind.HOST_NOT_COVERED)).singleElement()
                .extracting(MaterialProblem::message)
                .isEqualTo("The certificate does not cover www.shop.example.com (it covers shop.example.com)");
    }

    @Test
    void aKeyAloneOrACertificateAloneCannotBecomeASecret() {
        assertThat(analyzer.analyze(read(TestCerts.pem(leaf.key()), "tls.key")).blockers())
                .extracting(MaterialProblem::kind).containsExactly(MaterialProblem.Kind.NO_CERTIFICATE);
        assertThat(analyzer.analyze(read(TestCerts.pem(leaf.cert()), "tls.crt")).blockers())
                .extracting(MaterialProblem::kind).containsExactly(MaterialProblem.Kind.NO_KEY);
    }

    @Test
    void theKeyThatMatchesIsPickedAmongSeveral() {
        MaterialAnalysis analysis = analyzer.analyze(read(TestCerts.pem(leaf.cert(), TestCerts.ecKey().getPrivate(),
                leaf.key()), "mixed.pem"));

        assertThat(analysis.chain().keyMatch()).isEqualTo(ChainAnalysis.KeyMatch.MATCHES_LEAF);
        assertThat(analysis.key()).get().extracting(KeyEntry::blockIndex).isEqualTo(3);
        assertThat(analysis.problems(MaterialProblem.Kind.SEVERAL_KEYS)).singleElement().extracting(MaterialProblem::message)
                .isEqualTo("2 private keys were found; the one that belongs to the leaf is used");
    }
}
