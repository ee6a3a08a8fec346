package dev.gatehouse.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Writes the hostile-input corpus of {@code src/test/resources/dev/gatehouse/tls/corpus} and its
 * {@code expected.tsv}. Run once after changing it (the output is committed):
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.gatehouse.tls.CorpusGenerator DIR}.
 */
public final class CorpusGenerator {

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> expected = new ArrayList<>();
    private final Random random = new Random(20261126);

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/dev/gatehouse/tls/corpus");
        CorpusGenerator g = new CorpusGenerator();
        g.generate();
        Files.createDirectories(dir);
        for (var e : g.files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve("expected.tsv"), "# file\tpassword\texpected problem kind\tmessage fragment\n"
                + String.join("\n", g.expected) + "\n");
        System.out.println(g.files.size() + " files written to " + dir);
    }

    private void add(String name, byte[] content, String password, MaterialProblem.Kind kind, String fragment) {
        files.put(name, content);
        expected.add(name + "\t" + password + "\t" + kind + "\t" + fragment);
    }

    private void add(String name, String content, MaterialProblem.Kind kind, String fragment) {
        add(name, content.getBytes(StandardCharsets.UTF_8), "-", kind, fragment);
    }

    private byte[] noise(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    void generate() throws Exception {
        List<TestCerts.Issued> chain = TestCerts.chain("shop.example.com");
        TestCerts.Issued leaf = chain.get(0);
        TestCerts.Issued intermediate = chain.get(1);
        TestCerts.Issued root = chain.get(2);
        String leafPem = TestCerts.pem(leaf.cert());
        String[] lines = leafPem.split("\n");
        TestCerts.Issued rsa = TestCerts.cert("rsa.example.com").dns("rsa.example.com").keys(TestCerts.rsaKey(2048))
                .issue();

        // --- empty and not PEM at all
        add("empty.pem", "", MaterialProblem.Kind.NO_PEM_DATA, "is empty");
        add("whitespace-only.pem", " \n\t\r\n  \n", MaterialProblem.Kind.NO_PEM_DATA, "is empty");
        add("plain-text.txt", "Hello,\nhere is the certificate you asked for.\nRegards!\n",
                MaterialProblem.Kind.NO_PEM_DATA, "holds no PEM block");
        add("base64-garbage.txt", Base64.getEncoder().encodeToString(noise(600)), MaterialProblem.Kind.DAMAGED,
                "decodes to neither PEM nor DER");
        add("binary-noise.bin", withFirstByte(noise(1024), 0x17), "-", MaterialProblem.Kind.UNKNOWN_FORMAT,
                "not a certificate");
        add("nul-bytes.bin", new byte[512], "-", MaterialProblem.Kind.UNKNOWN_FORMAT, "not a certificate");
        add("java-keystore.jks", withFirstBytes(noise(200), 0xFE, 0xED, 0xFE, 0xED), "-",
                MaterialProblem.Kind.UNKNOWN_FORMAT, "Java keystore (JKS)");
        add("archive.zip", withFirstBytes(noise(100), 'P', 'K', 3, 4), "-", MaterialProblem.Kind.UNKNOWN_FORMAT,
                "ZIP archive");
        add("compressed.pem.gz", withFirstBytes(noise(100), 0x1f, 0x8b, 8), "-", MaterialProblem.Kind.UNKNOWN_FORMAT,
                "gzip-compressed");
        add("utf16.pem", utf16(leafPem), "-", MaterialProblem.Kind.UNKNOWN_FORMAT, "UTF-16 text");

        // --- damaged PEM
        add("truncated-no-end.pem", leafPem.substring(0, leafPem.indexOf("-----END")), MaterialProblem.Kind.TRUNCATED,
                "END line is missing");
        add("truncated-body.pem", lines[0] + "\n" + String.join("\n", List.of(lines).subList(1, lines.length / 2))
                + "\n" + lines[lines.length - 1] + "\n", MaterialProblem.Kind.TRUNCATED, "content is cut short");
        add("misheaded-four-dashes.pem", leafPem.replaceFirst("-----BEGIN", "----BEGIN"), MaterialProblem.Kind.DAMAGED,
                "looks like a PEM header but is not one");
        add("misheaded-lowercase.pem", leafPem.replace("BEGIN CERTIFICATE", "BEGIN certificate"),
                MaterialProblem.Kind.DAMAGED, "looks like a PEM header");
        add("misheaded-no-dashes.pem", leafPem.replace("-----BEGIN CERTIFICATE-----", "BEGIN CERTIFICATE"),
                MaterialProblem.Kind.DAMAGED, "looks like a PEM header");
        add("mismatched-begin-end.pem", leafPem.replace("END CERTIFICATE", "END PRIVATE KEY"),
                MaterialProblem.Kind.DAMAGED, "begins as CERTIFICATE but ends as PRIVATE KEY");
        add("garbage-in-block.pem", "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                noise(700)) + "\n-----END CERTIFICATE-----\n", MaterialProblem.Kind.DAMAGED, "is damaged");
        add("non-base64-in-block.pem", "-----BEGIN CERTIFICATE-----\nthis is *not* base64 !!\n-----END CERTIFICATE-----\n",
                MaterialProblem.Kind.DAMAGED, "PEM block 1 (CERTIFICATE) is damaged");
        add("second-block-truncated.pem", leafPem + TestCerts.pem(intermediate.cert()).substring(0, 200),
                MaterialProblem.Kind.TRUNCATED, "PEM block 2 (CERTIFICATE) is truncated");
        add("very-long-line.pem", "-----BEGIN CERTIFICATE-----\n" + "A".repeat(200_000)
                + "\n-----END CERTIFICATE-----\n", MaterialProblem.Kind.DAMAGED, "PEM block 1");
        StringBuilder many = new StringBuilder();
        IntStream.range(0, 3000).forEach(i -> many.append("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        add("three-thousand-broken-blocks.pem", many.toString(), MaterialProblem.Kind.DAMAGED, "PEM block 3000");
        add("unknown-block-type.pem", "-----BEGIN FOO BAR-----\nAAAA\n-----END FOO BAR-----\n",
                MaterialProblem.Kind.UNSUPPORTED_BLOCK, "is a FOO BAR block");
        add("openssh-key.pem", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----\n", MaterialProblem.Kind.UNSUPPORTED_BLOCK, "OpenSSH private key");
        add("double-base64.txt", Base64.getEncoder().encodeToString(Base64.getEncoder().encodeToString(
                leafPem.getBytes(StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII)),
                MaterialProblem.Kind.DECODED_BASE64, "encoded twice");

        // --- things that are not what a TLS Secret needs
        add("csr.pem", csrPem(leaf.keys()), MaterialProblem.Kind.UNSUPPORTED_BLOCK, "certificate signing request");
        add("csr.der", csrDer(leaf.keys()), "-", MaterialProblem.Kind.UNSUPPORTED_BLOCK, "certificate signing request");
        add("public-key.pem", TestCerts.pem(leaf.cert().getPublicKey()), MaterialProblem.Kind.UNSUPPORTED_BLOCK,
                "is a public key");
        add("crl.pem", TestCerts.pem(crl(root)), MaterialProblem.Kind.UNSUPPORTED_BLOCK, "revocation list");
        add("ec-parameters-only.pem", "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n",
                MaterialProblem.Kind.NO_CERTIFICATE, "No certificate");
        add("key-only.pem", TestCerts.pem(leaf.key()), MaterialProblem.Kind.NO_CERTIFICATE, "only a private key");
        add("certificate-only.pem", leafPem + TestCerts.pem(intermediate.cert()), MaterialProblem.Kind.NO_KEY,
                "No private key was found");
        add("empty-pkcs7.p7b", TestMaterial.pkcs7(List.of()), "-", MaterialProblem.Kind.NO_CERTIFICATE, "No certificate");

        // --- keys and passwords
        add("mismatched-key.pem", leafPem + TestCerts.pem(intermediate.cert()) + TestCerts.pem(TestCerts.ecKey().getPrivate()),
                MaterialProblem.Kind.KEY_MISMATCH, "does not belong to the certificate \"shop.example.com\"");
        add("ed25519-key-for-ec-certificate.pem", leafPem + TestCerts.pkcs8(TestMaterial.ed25519().getPrivate()),
                MaterialProblem.Kind.KEY_MISMATCH, "does not belong");
        add("two-keys-none-matching.pem", leafPem + TestCerts.pem(TestCerts.ecKey().getPrivate())
                + TestCerts.pkcs8(TestCerts.rsaKey(2048).getPrivate()), MaterialProblem.Kind.SEVERAL_KEYS,
                "none of them belongs to the leaf");
        add("key-of-the-intermediate.pem", leafPem + TestCerts.pem(intermediate.cert()) + TestCerts.pem(intermediate.key()),
                MaterialProblem.Kind.KEY_OF_OTHER_CERTIFICATE, "belongs to certificate 2");
        add("encrypted-no-password.key", TestMaterial.encryptedPkcs8(leaf.key(), "correct horse"),
                MaterialProblem.Kind.ENCRYPTED_KEY, "no password was given");
        add("encrypted-wrong-password.key", TestMaterial.encryptedPkcs8(leaf.key(), "correct horse")
                .getBytes(StandardCharsets.US_ASCII), "battery staple", MaterialProblem.Kind.WRONG_PASSWORD,
                "Wrong password for PEM block 1");
        add("legacy-encrypted-wrong-password.key", TestMaterial.legacyEncrypted(rsa.key(), "correct horse")
                .getBytes(StandardCharsets.US_ASCII), "battery staple", MaterialProblem.Kind.WRONG_PASSWORD,
                "Wrong password");
        add("legacy-encrypted-no-password.key", TestMaterial.legacyEncrypted(leaf.key(), "pw"),
                MaterialProblem.Kind.ENCRYPTED_KEY, "encrypted private key");
        add("encrypted-der-wrong-password.p8", TestMaterial.encryptedPkcs8Der(leaf.key(), "right"), "wrong",
                MaterialProblem.Kind.WRONG_PASSWORD, "Wrong password for encrypted-der-wrong-password.p8");
        byte[] p12 = TestMaterial.pkcs12(leaf.key(), List.of(leaf.cert(), intermediate.cert()), "changeit");
        add("keystore-wrong-password.p12", p12, "hunter2", MaterialProblem.Kind.WRONG_PASSWORD,
                "Wrong password for keystore-wrong-password.p12 (PKCS#12 keystore)");
        add("keystore-no-password-given.pfx", p12, "-", MaterialProblem.Kind.PASSWORD_REQUIRED, "protected by a password");
        add("keystore-named-like-a-certificate.crt", p12, "-", MaterialProblem.Kind.PASSWORD_REQUIRED, "PKCS#12");
        add("keystore-truncated.p12", java.util.Arrays.copyOf(p12, p12.length / 2), "changeit",
                MaterialProblem.Kind.TRUNCATED, "is truncated");
        add("unknown-key-algorithm.pem", "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(
                unknownAlgorithmKey()) + "\n-----END PRIVATE KEY-----\n", MaterialProblem.Kind.UNSUPPORTED_ALGORITHM,
                "cannot load");

        // --- DER
        byte[] der = leaf.cert().getEncoded();
        add("der-with-trailing-data.der", concat(der, "trailing junk".getBytes(StandardCharsets.US_ASCII)), "-",
                MaterialProblem.Kind.TRAILING_DATA, "13 bytes after its DER object");
        add("der-truncated.der", java.util.Arrays.copyOf(der, der.length - 40), "-", MaterialProblem.Kind.TRUNCATED,
                "is truncated");
        add("der-garbage.der", withFirstBytes(noise(300), 0x30, 0x82, 0x01, 0x28), "-", MaterialProblem.Kind.DAMAGED,
                "damaged");
        add("der-absurd-length.der", new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2},
                "-", MaterialProblem.Kind.TRUNCATED, "declares");
        add("der-deeply-nested.der", nested(50_000), "-", MaterialProblem.Kind.DAMAGED, "damaged");
        add("der-certificate-named-pem.pem", der, "-", MaterialProblem.Kind.NO_KEY, "No private key");
        add("sec1-without-curve.der", sec1WithoutCurve(leaf), "-", MaterialProblem.Kind.DAMAGED,
                "DER private key but is damaged");

        // --- chains
        add("leaf-not-first.pem", TestCerts.pem(intermediate.cert()) + leafPem + TestCerts.pem(leaf.key()),
                MaterialProblem.Kind.LEAF_NOT_FIRST, "is certificate 2, not the first");
        TestCerts.Issued second = TestCerts.cert("Second Intermediate").ca().issuedBy(intermediate).issue();
        TestCerts.Issued deep = TestCerts.cert("deep.example.com").dns("deep.example.com").issuedBy(second).issue();
        add("intermediates-out-of-order.pem", TestCerts.pem(deep.cert(), intermediate.cert(), second.cert(), deep.key()),
                MaterialProblem.Kind.INTERMEDIATES_OUT_OF_ORDER, "out of order");
        add("unrelated-certificate.pem", leafPem + TestCerts.pem(intermediate.cert(),
                TestCerts.cert("Stray CA").ca().issue().cert(), leaf.key()), MaterialProblem.Kind.UNRELATED_CERTIFICATE,
                "is not part of the leaf's chain");
        add("missing-intermediate.pem", leafPem + TestCerts.pem(leaf.key()), MaterialProblem.Kind.CHAIN_INCOMPLETE,
                "\"Test Intermediate CA\", which issued \"shop.example.com\", is not included");
        add("chain-with-a-loop.pem", loop(), MaterialProblem.Kind.CHAIN_LOOP, "The chain loops");
        add("ten-thousand-sans.pem", tenThousandSans(), MaterialProblem.Kind.MANY_NAMES, "lists 10000 subject alternative names");

        // --- validity, strength, purpose
        add("expired.pem", certAndKey(TestCerts.cert("old.example.com").dns("old.example.com").daysLeft(-12)
                .issuedBy(intermediate)), MaterialProblem.Kind.EXPIRED, "expired 11 days ago");
        add("expires-in-three-days.pem", certAndKey(TestCerts.cert("soon.example.com").dns("soon.example.com")
                .daysLeft(3).issuedBy(intermediate)), MaterialProblem.Kind.EXPIRES_SOON, "expires in 3 days");
        add("expires-in-twenty-days.pem", certAndKey(TestCerts.cert("later.example.com").dns("later.example.com")
                .daysLeft(20).issuedBy(intermediate)), MaterialProblem.Kind.EXPIRING, "expires in 20 days");
        add("not-yet-valid.pem", certAndKey(TestCerts.cert("future.example.com").dns("future.example.com")
                .validFrom(TestCerts.NOW.plus(Duration.ofDays(2))).validUntil(TestCerts.NOW.plus(Duration.ofDays(90)))
                .issuedBy(intermediate)), MaterialProblem.Kind.NOT_YET_VALID, "is not valid before");
        add("weak-rsa-1024.pem", certAndKey(TestCerts.cert("weak.example.com").dns("weak.example.com")
                .keys(TestCerts.rsaKey(1024)).issuedBy(intermediate)), MaterialProblem.Kind.WEAK, "RSA 1024");
        add("sha1-signature.pem", certAndKey(TestCerts.cert("sha1.example.com").dns("sha1.example.com")
                .issuedBy(rsaCa()).signatureAlgorithm("SHA1withRSA")), MaterialProblem.Kind.WEAK, "SHA1withRSA");
        add("client-certificate.pem", certAndKey(TestCerts.cert("client").clientAuthOnly().issuedBy(intermediate)),
                MaterialProblem.Kind.NOT_FOR_SERVERS, "not allowed for TLS servers");
        add("self-signed-root-alone.pem", TestCerts.pem(root.cert()), MaterialProblem.Kind.NO_KEY, "No private key");
    }

    private static byte[] withFirstByte(byte[] b, int first) {
        b[0] = (byte) first;
        return b;
    }

    private static byte[] withFirstBytes(byte[] b, int... first) {
        for (int i = 0; i < first.length; i++) {
            b[i] = (byte) first[i];
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] utf16(String text) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    }

    private static String certAndKey(TestCerts.Spec spec) {
        TestCerts.Issued issued = spec.issue();
        return TestCerts.pem(issued.cert(), issued.key());
    }

    private static TestCerts.Issued rsaCa() {
        return TestCerts.cert("RSA Test CA").ca().keys(TestCerts.rsaKey(2048)).issue();
    }

    private static String csrPem(KeyPair keys) throws Exception {
        return TestCerts.pem(csr(keys));
    }

    private static byte[] csrDer(KeyPair keys) throws Exception {
        return csr(keys).getEncoded();
    }

    private static org.bouncycastle.pkcs.PKCS10CertificationRequest csr(KeyPair keys) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=shop.example.com"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
    }

    private static org.bouncycastle.cert.X509CRLHolder crl(TestCerts.Issued ca) throws Exception {
        JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.cert(), Date.from(TestCerts.NOW));
        builder.addCRLEntry(BigInteger.valueOf(42), Date.from(TestCerts.NOW), 0);
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key()));
    }

    private static byte[] unknownAlgorithmKey() throws Exception {
        var info = new org.bouncycastle.asn1.pkcs.PrivateKeyInfo(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5.6")), new org.bouncycastle.asn1.DEROctetString(
                new byte[32]));
        return info.getEncoded("DER");
    }

    private static byte[] nested(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Indefinite-length SEQUENCEs nest without knowing their sizes: 0x30 0x80 ... 0x00 0x00.
        for (int i = 0; i < depth; i++) {
            out.write(0x30);
            out.write(0x80);
        }
        for (int i = 0; i < depth; i++) {
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] sec1WithoutCurve(TestCerts.Issued leaf) throws Exception {
        var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(leaf.key().getEncoded());
        var inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        return new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey()).getEncoded("DER");
    }

    /** Two CA certificates with the same key pair issuing each other: A ← B ← A. */
    private static String loop() {
        KeyPair a = TestCerts.ecKey();
        KeyPair b = TestCerts.ecKey();
        TestCerts.Issued aSelf = TestCerts.cert("Loop CA A").ca().keys(a).issue();
        TestCerts.Issued bByA = TestCerts.cert("Loop CA B").ca().keys(b).issuedBy(aSelf).issue();
        TestCerts.Issued aByB = TestCerts.cert("Loop CA A").ca().keys(a).issuedBy(bByA).issue();
        return TestCerts.pem(bByA.cert(), aByB.cert());
    }

    private static String tenThousandSans() {
        String[] names = IntStream.range(0, 10_000).mapToObj(i -> "host-" + i + ".example.com").toArray(String[]::new);
        TestCerts.Issued big = TestCerts.cert("host-0.example.com").dns(names).issue();
        X509Certificate cert = big.cert();
        return TestCerts.pem(cert, big.key());
    }
}
