package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every format users have, detected by content and read through the one entry point. */
class MaterialReadersTest {

    private final List<TestCerts.Issued> chain = TestCerts.chain("shop.example.com");
    private final TestCerts.Issued leaf = chain.get(0);
    private final TestCerts.Issued intermediate = chain.get(1);

    private static ParsedMaterial read(byte[] bytes, String name) {
        return MaterialReaders.read(bytes, name);
    }

    private static ParsedMaterial read(String text, String name) {
        return MaterialReaders.read(text.getBytes(StandardCharsets.UTF_8), name);
    }

    private static ParsedMaterial read(byte[] bytes, String name, String password) {
        return MaterialReaders.read(bytes, name, PasswordSource.of(password.toCharArray()));
    }

    private static List<MaterialProblem.Kind> kinds(ParsedMaterial m) {
        return m.problems().stream().map(MaterialProblem::kind).toList();
    }

    @Test
    void pemChainAndKeyInOneFile() {
        String text = TestCerts.pem(leaf.cert(), intermediate.cert()) + TestCerts.pkcs8(leaf.key());

        ParsedMaterial m = read(text, "bundle.pem");

        assertThat(m.chain()).containsExactly(leaf.cert(), intermediate.cert());
        assertThat(m.keys()).singleElement().extracting(KeyEntry::format).isEqualTo("PKCS#8");
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void ed25519KeyAndCertificate() {
        TestCerts.Issued ed = TestMaterial.ed25519Certificate("ed.example.com");

        ParsedMaterial m = read(TestCerts.pem(ed.cert()) + TestCerts.pkcs8(ed.key()), "ed.pem");

        assertThat(m.problems()).isEmpty();
        assertThat(m.keys()).singleElement().satisfies(k ->
                assertThat(KeyMatcher.matches(k.privateKey(), ed.cert().getPublicKey())).isTrue());
        assertThat(CertificateInfo.of(m.chain().get(0), TestCerts.NOW).key().algorithm()).isEqualTo("Ed25519");
    }

    @Test
    void encryptedPkcs8WithTheRightWrongAndNoPassword() {
        byte[] pem = TestMaterial.encryptedPkcs8(leaf.key(), "s3cret").getBytes(StandardCharsets.US_ASCII);

        ParsedMaterial right = read(pem, "tls.key", "s3cret");
        assertThat(right.keys()).singleElement().satisfies(k -> {
            assertThat(k.format()).isEqualTo("PKCS#8 (encrypted)");
            assertThat(KeyMatcher.matches(k.privateKey(), leaf.cert().getPublicKey())).isTrue();
        });
        assertThat(kinds(right)).contains(MaterialProblem.Kind.DECRYPTED).doesNotContain(MaterialProblem.Kind.WRONG_PASSWORD);

        ParsedMaterial wrong = read(pem, "tls.key", "guess");
        assertThat(wrong.keys()).isEmpty();
        assertThat(wrong.problems()).extracting(MaterialProblem::message)
                .contains("Wrong password for PEM block 1 (encrypted private key)");

        ParsedMaterial none = read(pem, "tls.key");
        assertThat(kinds(none)).contains(MaterialProblem.Kind.ENCRYPTED_KEY);
        assertThat(none.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("s3cret"));
        assertThat(none.problems().get(0).asksForPassword()).isTrue();
    }

    @Test
    void legacyOpensslEncryptedKeysAskThePasswordSource() {
        TestCerts.Issued rsa = TestCerts.cert("rsa.example.com").keys(TestCerts.rsaKey(2048)).issue();
        byte[] rsaPem = TestMaterial.legacyEncrypted(rsa.key(), "pw").getBytes(StandardCharsets.US_ASCII);
        byte[] ecPem = TestMaterial.legacyEncrypted(leaf.key(), "pw").getBytes(StandardCharsets.US_ASCII);
        List<PasswordSource.Request> asked = new ArrayList<>();
        PasswordSource recording = request -> {
            asked.add(request);
            return Optional.of("pw".toCharArray());
        };

        ParsedMaterial m = MaterialReaders.read(rsaPem, "rsa.key", recording);

        assertThat(asked).containsExactly(new PasswordSource.Request("rsa.key", "PEM block 1 (encrypted private key)"));
        assertThat(m.keys()).singleElement().satisfies(k -> {
            assertThat(k.format()).isEqualTo("PKCS#1 (RSA) (encrypted)");
            assertThat(KeyMatcher.matches(k.privateKey(), rsa.cert().getPublicKey())).isTrue();
        });
        assertThat(read(ecPem, "ec.key", "pw").keys()).singleElement()
                .satisfies(k -> assertThat(KeyMatcher.matches(k.privateKey(), leaf.cert().getPublicKey())).isTrue());
        assertThat(read(ecPem, "ec.key", "nope").problems()).extracting(MaterialProblem::kind)
                .contains(MaterialProblem.Kind.WRONG_PASSWORD);
        assertThat(read(ecPem, "ec.key").problems()).extracting(MaterialProblem::kind)
                .contains(MaterialProblem.Kind.ENCRYPTED_KEY);
    }

    @Test
    void derCertificateAndDerKeys() throws Exception {
        TestCerts.Issued rsa = TestCerts.cert("rsa.example.com").keys(TestCerts.rsaKey(2048)).issue();

        assertThat(read(leaf.cert().getEncoded(), "leaf.der").chain()).containsExactly(leaf.cert());
        assertThat(read(TestMaterial.pkcs8Der(leaf.key()), "key.der").keys()).singleElement()
                .extracting(KeyEntry::format).isEqualTo("PKCS#8 (DER)");
        assertThat(read(TestMaterial.pkcs1Der(rsa.key()), "rsa.der").keys()).singleElement().satisfies(k -> {
            assertThat(k.format()).isEqualTo("PKCS#1 (RSA, DER)");
            assertThat(KeyMatcher.matches(k.privateKey(), rsa.cert().getPublicKey())).isTrue();
        });
        ParsedMaterial encrypted = read(TestMaterial.encryptedPkcs8Der(leaf.key(), "pw"), "key.p8", "pw");
        assertThat(encrypted.keys()).singleElement().extracting(KeyEntry::format).isEqualTo("PKCS#8 (DER, encrypted)");
    }

    @Test
    void derCertificatesBackToBackAndTrailingGarbage() throws Exception {
        byte[] a = leaf.cert().getEncoded();
        byte[] b = intermediate.cert().getEncoded();
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(read(both, "chain.der").chain()).containsExactly(leaf.cert(), intermediate.cert());

        byte[] trailing = new byte[a.length + 7];
        System.arraycopy(a, 0, trailing, 0, a.length);
        ParsedMaterial m = read(trailing, "leaf.der");
        assertThat(m.chain()).containsExactly(leaf.cert());
        assertThat(m.problems()).extracting(MaterialProblem::message)
                .containsExactly("leaf.der has 7 bytes after its DER object that belong to nothing; they were ignored");
    }

    @Test
    void pkcs12WithPasswordWrongPasswordAndNoPassword() {
        byte[] p12 = TestMaterial.pkcs12(leaf.key(), List.of(leaf.cert(), intermediate.cert()), "changeit");

        ParsedMaterial right = read(p12, "tls.p12", "changeit");
        assertThat(right.chain()).containsExactly(leaf.cert(), intermediate.cert());
        assertThat(right.keys()).singleElement().extracting(KeyEntry::format).isEqualTo("PKCS#12");

        assertThat(read(p12, "tls.p12", "wrong").problems()).extracting(MaterialProblem::message)
                .containsExactly("Wrong password for tls.p12 (PKCS#12 keystore)");
        assertThat(read(p12, "tls.p12").problems()).extracting(MaterialProblem::kind)
                .containsExactly(MaterialProblem.Kind.PASSWORD_REQUIRED);
    }

    @Test
    void pkcs12WithAnEmptyPasswordOpensWithoutAsking() {
        byte[] p12 = TestMaterial.pkcs12(leaf.key(), List.of(leaf.cert()), "");

        ParsedMaterial m = read(p12, "open.p12");

        assertThat(m.chain()).containsExactly(leaf.cert());
        assertThat(m.keys()).hasSize(1);
    }

    @Test
    void pkcs7BundleInDerAndPem() {
        byte[] der = TestMaterial.pkcs7(List.of(intermediate.cert(), leaf.cert()));
        String pem = "-----BEGIN PKCS7-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PKCS7-----\n";

        assertThat(read(der, "chain.p7b").chain()).containsExactlyInAnyOrder(leaf.cert(), intermediate.cert());
        assertThat(read(pem, "chain.p7b.pem").chain()).containsExactlyInAnyOrder(leaf.cert(), intermediate.cert());
    }

    @Test
    void base64AroundPemAsInASecretIsDecoded() {
        String pem = TestCerts.pem(leaf.cert());
        String wrapped = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));

        ParsedMaterial m = read(wrapped, "copied-from-kubectl.txt");

        assertThat(m.chain()).containsExactly(leaf.cert());
        assertThat(m.problems()).extracting(MaterialProblem::kind).containsExactly(MaterialProblem.Kind.DECODED_BASE64);
    }

    @Test
    void severalBlocksWithOneDamagedKeepTheOthers() {
        String good = TestCerts.pem(leaf.cert());
        String bad = "-----BEGIN CERTIFICATE-----\nAAAA!!!!\n-----END CERTIFICATE-----\n";

        ParsedMaterial m = read(good + bad + TestCerts.pem(intermediate.cert()), "mixed.pem");

        assertThat(m.chain()).containsExactly(leaf.cert(), intermediate.cert());
        assertThat(m.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MaterialProblem.Kind.DAMAGED);
            assertThat(p.message()).startsWith("PEM block 2 (CERTIFICATE)");
        });
    }

    @Test
    void misheadedPemSaysWhichLine() {
        String pem = TestCerts.pem(leaf.cert()).replaceFirst("-----BEGIN", "----BEGIN");

        ParsedMaterial m = read(pem, "tls.crt");

        assertThat(m.problems()).extracting(MaterialProblem::message).anySatisfy(msg -> assertThat(msg)
                .startsWith("tls.crt, line 1: \"----BEGIN CERTIFICATE-----\" looks like a PEM header but is not one"));
    }

    @Test
    void unknownFormatsAreNamed() {
        assertThat(read(new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED, 0, 0, 0, 2}, "store.jks")
                .problems().get(0).message()).startsWith("store.jks is a Java keystore (JKS)");
        assertThat(read(new byte[] {'P', 'K', 3, 4, 0, 0}, "certs.zip").problems().get(0).message())
                .isEqualTo("certs.zip is a ZIP archive; unpack it and import the files inside");
        assertThat(read(new byte[] {1, 2, 3, 0, (byte) 200}, "blob").problems().get(0).kind())
                .isEqualTo(MaterialProblem.Kind.UNKNOWN_FORMAT);
        assertThat(read(new byte[0], "empty.pem").problems().get(0).message()).isEqualTo("empty.pem is empty");
    }
}
