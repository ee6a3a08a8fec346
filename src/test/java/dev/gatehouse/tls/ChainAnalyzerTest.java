package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainAnalyzerTest {

    private final List<TestCerts.Issued> chain = TestCerts.chain("shop.example.com");
    private final TestCerts.Issued leaf = chain.get(0);
    private final TestCerts.Issued intermediate = chain.get(1);
    private final TestCerts.Issued root = chain.get(2);
    private final ChainAnalyzer analyzer = new ChainAnalyzer(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC),
            TrustAnchors.of(root.cert()));

    @Test
    void leafThenIntermediateWithMatchingKeyIsHealthy() {
        ChainAnalysis analysis = analyzer.analyze(List.of(leaf.cert(), intermediate.cert()), Optional.of(leaf.key()));

        assertThat(analysis.order()).isEqualTo(ChainAnalysis.Order.ORDERED);
        assertThat(analysis.completeness()).isEqualTo(ChainAnalysis.Completeness.COMPLETE);
        assertThat(analysis.keyMatch()).isEqualTo(ChainAnalysis.KeyMatch.MATCHES_LEAF);
        assertThat(analysis.leaf()).get().extracting(CertificateInfo::displayName).isEqualTo("shop.example.com");
        assertThat(analysis.problems()).isEmpty();
    }

    @Test
    void includingTheRootIsCompleteWithRoot() {
        ChainAnalysis analysis = new ChainAnalyzer(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC), TrustAnchors.none())
                .analyze(List.of(leaf.cert(), intermediate.cert(), root.cert()), Optional.empty());

        assertThat(analysis.order()).isEqualTo(ChainAnalysis.Order.ORDERED);
        assertThat(analysis.completeness()).isEqualTo(ChainAnalysis.Completeness.COMPLETE_WITH_ROOT);
        assertThat(analysis.keyMatch()).isEqualTo(ChainAnalysis.KeyMatch.NO_KEY);
    }

    @Test
    void intermediateFirstIsLeafNotFirst() {
        ChainAnalysis analysis = analyzer.analyze(List.of(intermediate.cert(), leaf.cert()), Optional.of(leaf.key()));

        assertThat(analysis.order()).isEqualTo(ChainAnalysis.Order.LEAF_NOT_FIRST);
        assertThat(analysis.leafIndex()).isEqualTo(1);
        assertThat(analysis.suggestedOrder()).containsExactly(1, 0);
        assertThat(analysis.problems()).anySatisfy(p -> assertThat(p)
                .isEqualTo("The leaf certificate \"shop.example.com\" is certificate 2, not the first;"
                        + " put it first, then each issuer (order: 2, 1)"));
    }

    @Test
    void intermediatesOutOfOrder() {
        var second = TestCerts.cert("Second Intermediate").ca().issuedBy(intermediate).issue();
        var leaf2 = TestCerts.cert("api.example.com").dns("api.example.com").issuedBy(second).issue();

        ChainAnalysis analysis = analyzer.analyze(List.of(leaf2.cert(), intermediate.cert(), second.cert()),
                Optional.of(leaf2.key()));

        assertThat(analysis.order()).isEqualTo(ChainAnalysis.Order.INTERMEDIATES_OUT_OF_ORDER);
        assertThat(analysis.suggestedOrder()).containsExactly(0, 2, 1);
        assertThat(analysis.completeness()).isEqualTo(ChainAnalysis.Completeness.COMPLETE);
    }

    @Test
    void missingIntermediateIsIncomplete() {
        ChainAnalysis analysis = analyzer.analyze(List.of(leaf.cert()), Optional.of(leaf.key()));

        assertThat(analysis.completeness()).isEqualTo(ChainAnalysis.Completeness.INCOMPLETE);
        assertThat(analysis.missingIssuer()).contains("CN=Test Intermediate CA");
        assertThat(analysis.problems()).containsExactly("The chain is incomplete: \"Test Intermediate CA\", which"
                + " issued \"shop.example.com\", is not included");
    }

    @Test
    void keyOfAnotherCertificateIsAMismatch() {
        var other = TestCerts.cert("other.example.com").issue();

        ChainAnalysis analysis = analyzer.analyze(List.of(leaf.cert(), intermediate.cert()), Optional.of(other.key()));

        assertThat(analysis.keyMatch()).isEqualTo(ChainAnalysis.KeyMatch.MATCHES_NONE);
        assertThat(analysis.problems()).contains("The private key does not belong to the certificate"
                + " \"shop.example.com\" nor to any other certificate in the set");
    }

    @Test
    void rsaKeyMismatchIsDetected() {
        var a = TestCerts.cert("a.example.com").keys(TestCerts.rsaKey(1024)).issue();
        var b = TestCerts.rsaKey(1024);

        assertThat(KeyMatcher.matches(b.getPrivate(), a.cert().getPublicKey())).isFalse();
        assertThat(KeyMatcher.matches(a.key(), a.cert().getPublicKey())).isTrue();
        assertThat(KeyMatcher.matches(a.key(), leaf.cert().getPublicKey())).isFalse();
    }

    @Test
    void unrelatedCertificateIsReported() {
        var stray = TestCerts.cert("Stray").ca().issue();

        ChainAnalysis analysis = analyzer.analyze(List.of(leaf.cert(), intermediate.cert(), stray.cert()),
                Optional.of(leaf.key()));

        assertThat(analysis.order()).isEqualTo(ChainAnalysis.Order.UNRELATED_CERTIFICATES);
        assertThat(analysis.problems()).contains("Certificate 3 (\"Stray\") is not part of the leaf's chain");
    }

    @Test
    void expiredLeafIsVisibleInTheAnalysis() {
        var expired = TestCerts.cert("old.example.com").daysLeft(-3).issuedBy(intermediate).issue();

        ChainAnalysis analysis = analyzer.analyze(List.of(expired.cert(), intermediate.cert()), Optional.empty());

        assertThat(analysis.leaf()).get().satisfies(info -> {
            assertThat(info.expiry()).isEqualTo(ExpiryStatus.EXPIRED);
            assertThat(info.daysLeft()).isEqualTo(-2);
        });
    }

    @Test
    void emptySetIsEmpty() {
        ChainAnalysis analysis = analyzer.analyze(List.of(), Optional.empty());

        assertThat(analysis.order()).isEqualTo(ChainAnalysis.Order.EMPTY);
        assertThat(analysis.leaf()).isEmpty();
    }

    @Test
    void chainEndingAtAnIntermediateWhoseRootIsNotTrustedIsNotCalledIncomplete() {
        ChainAnalysis analysis = new ChainAnalyzer(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC), TrustAnchors.none())
                .analyze(List.of(leaf.cert(), intermediate.cert()), Optional.of(leaf.key()));

        assertThat(analysis.completeness()).isEqualTo(ChainAnalysis.Completeness.ROOT_NOT_TRUSTED);
        assertThat(analysis.trusted()).isFalse();
        assertThat(analysis.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(MaterialProblem.Kind.ROOT_NOT_TRUSTED);
            assertThat(f.level()).isEqualTo(MaterialProblem.Level.INFO);
            assertThat(f.message()).isEqualTo("The chain ends at the intermediate CA \"Test Intermediate CA\"; its"
                    + " issuer \"Test Root CA\" is not among the roots trusted here, so only clients that trust that"
                    + " root (a private or company CA) can verify the chain");
        });
    }

    @Test
    void addingTheRootAsAnchorMakesTheSameChainCompleteAndTrusted() {
        TrustAnchors demo = TrustAnchors.none().plus("the demo cluster's CA", List.of(root.cert()));

        ChainAnalysis analysis = new ChainAnalyzer(Clock.fixed(TestCerts.NOW, ZoneOffset.UTC), demo)
                .analyze(List.of(leaf.cert(), intermediate.cert()), Optional.of(leaf.key()));

        assertThat(analysis.completeness()).isEqualTo(ChainAnalysis.Completeness.COMPLETE);
        assertThat(analysis.trustedBy()).contains("\"Test Root CA\" (the demo cluster's CA)");
        assertThat(analysis.findings()).isEmpty();
    }

    @Test
    void certificatesIssuingEachOtherAreALoop() {
        var a = TestCerts.ecKey();
        var b = TestCerts.ecKey();
        var aSelf = TestCerts.cert("Loop A").ca().keys(a).issue();
        var bByA = TestCerts.cert("Loop B").ca().keys(b).issuedBy(aSelf).issue();
        var aByB = TestCerts.cert("Loop A").ca().keys(a).issuedBy(bByA).issue();

        ChainAnalysis analysis = analyzer.analyze(List.of(bByA.cert(), aByB.cert()), Optional.empty());

        assertThat(analysis.findings(MaterialProblem.Kind.CHAIN_LOOP)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("The chain loops: \"Loop A\" (certificate 2) is"
                        + " issued by \"Loop B\" (certificate 1)"));
    }
}
