package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PemReaderTest {

    private final PemReader reader = new PemReader();

    @Test
    void readsCertificatesInFileOrderAndAKey() {
        List<TestCerts.Issued> chain = TestCerts.chain("shop.example.com");
        String text = TestCerts.pem(chain.get(0).cert(), chain.get(1).cert()) + TestCerts.pkcs8(chain.get(0).key());

        ParsedMaterial material = reader.read(text, "tls.crt");

        assertThat(material.chain()).containsExactly(chain.get(0).cert(), chain.get(1).cert());
        assertThat(material.certificates()).extracting(CertificateEntry::blockIndex).containsExactly(1, 2);
        assertThat(material.keys()).singleElement().satisfies(k -> {
            assertThat(k.format()).isEqualTo("PKCS#8");
            assertThat(k.blockIndex()).isEqualTo(3);
        });
        assertThat(material.problems()).isEmpty();
    }

    @Test
    void readsPkcs1RsaAndSec1EcKeys() {
        TestCerts.Issued rsa = TestCerts.cert("rsa.example.com").keys(TestCerts.rsaKey(1024)).issue();
        TestCerts.Issued ec = TestCerts.cert("ec.example.com").issue();

        ParsedMaterial material = reader.read(TestCerts.pem(rsa.key(), ec.key()), "keys.pem");

        assertThat(material.keys()).extracting(KeyEntry::format).containsExactly("PKCS#1 (RSA)", "SEC1 (EC)");
        assertThat(material.keys().get(0).publicKey()).isPresent();
        assertThat(KeyMatcher.matches(material.keys().get(0).privateKey(), rsa.cert().getPublicKey())).isTrue();
        assertThat(KeyMatcher.matches(material.keys().get(1).privateKey(), ec.cert().getPublicKey())).isTrue();
    }

    @Test
    void keyWithoutCertificateIsReported() {
        TestCerts.Issued ec = TestCerts.cert("ec.example.com").issue();

        ParsedMaterial material = reader.read(TestCerts.pem(ec.key()), "bundle.pem");

        assertThat(material.problems()).extracting(MaterialProblem::message)
                .containsExactly("bundle.pem holds a private key but no certificate");
        assertThat(material.without(MaterialProblem.Kind.KEY_WITHOUT_CERTIFICATE).problems()).isEmpty();
    }

    @Test
    void blockWithoutEndLineIsTruncatedAndOtherBlocksAreStillRead() {
        List<TestCerts.Issued> chain = TestCerts.chain("shop.example.com");
        String second = TestCerts.pem(chain.get(1).cert());
        String cut = second.substring(0, second.indexOf("-----END"));
        String text = TestCerts.pem(chain.get(0).cert()) + cut;

        ParsedMaterial material = reader.read(text, "tls.crt");

        assertThat(material.chain()).containsExactly(chain.get(0).cert());
        assertThat(material.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MaterialProblem.Kind.TRUNCATED);
            assertThat(p.message()).isEqualTo("PEM block 2 (CERTIFICATE) is truncated: its END line is missing");
        });
    }

    @Test
    void blockWithContentCutShortIsTruncated() {
        String pem = TestCerts.pem(TestCerts.cert("a.example.com").issue().cert());
        String[] lines = pem.split("\n");
        StringBuilder cut = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length / 2; i++) {
            cut.append(lines[i]).append('\n');
        }
        cut.append(lines[lines.length - 1]).append('\n');

        ParsedMaterial material = reader.read(cut.toString(), "tls.crt");

        assertThat(material.chain()).isEmpty();
        assertThat(material.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MaterialProblem.Kind.TRUNCATED);
            assertThat(p.message()).startsWith("PEM block 1 (CERTIFICATE) is truncated");
        });
    }

    @Test
    void garbageInsideABlockIsDamaged() {
        String text = "-----BEGIN CERTIFICATE-----\nnot base64 at all!!\n-----END CERTIFICATE-----\n";

        ParsedMaterial material = reader.read(text, "tls.crt");

        assertThat(material.problems()).extracting(MaterialProblem::kind)
                .containsExactly(MaterialProblem.Kind.DAMAGED);
        assertThat(material.hasErrors()).isTrue();
    }

    @Test
    void textWithoutPemIsReportedNotThrown() {
        assertThat(reader.read("hello", "tls.crt").problems()).extracting(MaterialProblem::message)
                .containsExactly("tls.crt holds no PEM block (no \"-----BEGIN\" line)");
        assertThat(reader.read("", "tls.crt").problems()).extracting(MaterialProblem::message)
                .containsExactly("tls.crt is empty");
        assertThat(reader.read((byte[]) null, "x").hasErrors()).isTrue();
    }

    @Test
    void encryptedKeyIsReportedAsNeedingAPassword() {
        String text = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBAA==\n-----END ENCRYPTED PRIVATE KEY-----\n";

        ParsedMaterial material = reader.read(text, "tls.key");

        assertThat(material.problems()).extracting(MaterialProblem::kind)
                .containsAnyOf(MaterialProblem.Kind.ENCRYPTED_KEY, MaterialProblem.Kind.TRUNCATED);
    }

    @Test
    void keyEntryNeverPrintsKeyMaterial() {
        TestCerts.Issued rsa = TestCerts.cert("rsa.example.com").keys(TestCerts.rsaKey(1024)).issue();
        KeyEntry key = reader.read(TestCerts.pem(rsa.key()), "k").keys().get(0);

        assertThat(key.toString()).doesNotContain(rsa.key().getEncoded().length + "")
                .isEqualTo("KeyEntry[block=1, format=PKCS#1 (RSA), algorithm=RSA]");
    }
}
