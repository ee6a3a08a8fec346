package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.input.InputLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

/** Reading stops at the limits of {@link InputLimits} with a message naming the limit. */
class ReadingLimitsTest {

    private static InputLimits limits(int certificates, int iterations) {
        return new InputLimits(4 << 20, 16 << 20, 4 << 20, 4096, Duration.ofSeconds(5), 100, 100, 1_000_000, 10_000, 1_000,
                certificates, 10_000, iterations);
    }

    private static List<String> messages(ParsedMaterial m) {
        return m.problems().stream().map(MaterialProblem::message).toList();
    }

    /** An encrypted PKCS#8 key asking for two billion PBKDF2 rounds (nothing real behind it). */
    static byte[] pbkdf2Bomb() throws Exception {
        PBKDF2Params kdf = new PBKDF2Params(new byte[16], 2_000_000_000, 32,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256));
        PBES2Parameters pbes2 = new PBES2Parameters(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, kdf),
                new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(new byte[16])));
        return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2),
                new byte[64]).getEncoded("DER");
    }

    @Test
    void aHugeIterationCountIsRefusedNotCalledDamaged() throws Exception {
        ParsedMaterial m = MaterialReaders.read(pbkdf2Bomb(), "bomb.key", PasswordSource.of("x".toCharArray()));

        assertThat(messages(m)).contains("bomb.key (encrypted private key) was refused: iteration count 2000000000"
                + " exceeds the limit 1000000 (pbkdf2Iterations)");
    }

    @Test
    void pemAndPkcs12IterationCountsAreCheckedBeforeDecrypting() {
        TestCerts.Issued leaf = TestCerts.cert("a.example.com").dns("a.example.com").issue();
        String pem = TestMaterial.encryptedPkcs8(leaf.key(), "secret"); // 2048 rounds
        byte[] p12 = TestMaterial.pkcs12(leaf.key(), List.of(leaf.cert()), "secret"); // 10000 rounds

        ParsedMaterial fromPem = MaterialReaders.read(pem.getBytes(StandardCharsets.US_ASCII), "tls.key",
                PasswordSource.of("secret".toCharArray()), limits(1000, 1000));
        ParsedMaterial fromP12 = MaterialReaders.read(p12, "store.p12", PasswordSource.of("secret".toCharArray()),
                limits(1000, 1000));

        assertThat(messages(fromPem)).contains("PEM block 1 (encrypted private key) was refused: iteration count"
                + " 2048 exceeds the limit 1000 (pbkdf2Iterations)");
        assertThat(messages(fromP12)).containsExactly("store.p12 (PKCS#12 keystore) was refused: iteration count"
                + " 10000 exceeds the limit 1000 (pbkdf2Iterations)");
        assertThat(MaterialReaders.read(p12, "store.p12", PasswordSource.of("secret".toCharArray())).keys())
                .hasSize(1);
    }

    @Test
    void certificatesBeyondTheLimitAreNotRead() {
        TestCerts.Issued a = TestCerts.cert("a.example.com").dns("a.example.com").issue();
        String three = TestCerts.pem(a.cert()).repeat(3);

        ParsedMaterial m = MaterialReaders.read(three.getBytes(StandardCharsets.US_ASCII), "bundle.pem",
                PasswordSource.none(), limits(2, 1_000_000));

        assertThat(m.certificates()).hasSize(2);
        assertThat(messages(m)).contains("bundle.pem holds more than 2 certificates, the limit per file"
                + " (certificatesPerFile); 1 more certificate block(s) were not read");
    }

    @Test
    void namesBeyondTheLimitAreNotRead() {
        String[] names = java.util.stream.IntStream.range(0, 10_005).mapToObj(n -> "h" + n + ".example.com")
                .toArray(String[]::new);
        TestCerts.Issued many = TestCerts.cert("many.example.com").dns(names).issue();

        CertificateInfo info = CertificateInspector.inspect(many.cert(), TestCerts.NOW);

        assertThat(info.dnsNames()).hasSize(10_000);
        assertThat(info.weaknesses()).contains("The certificate lists 10005 subject alternative names; only the first"
                + " 10000 were read (namesPerCertificate)");
    }
}
