package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.tls.build.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gatehouse's reading checked against openssl on material openssl generated: fingerprints, SANs,
 * validity, encrypted keys (PKCS#8 and legacy), PKCS#12, Ed25519; and openssl reading what Gatehouse
 * encrypts. Skipped, visibly, without openssl.
 */
class OpensslReadingCrossCheckTest {

    private static boolean present;

    @TempDir
    Path dir;

    @BeforeAll
    static void findOpenssl() {
        present = Openssl.available();
    }

    private Openssl openssl() {
        assumeTrue(present, "openssl not on PATH");
        return new Openssl(dir);
    }

    private ParsedMaterial read(String file, String password) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(file));
        return MaterialReaders.read(bytes, file, password == null ? PasswordSource.none()
                : PasswordSource.of(password.toCharArray()));
    }

    @Test
    void fingerprintSansAndValidityMatchOpenssl() throws IOException {
        Openssl o = openssl();
        o.ok("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem",
                "-out", "c.pem", "-days", "45", "-subj", "/CN=shop.example.com/O=Cross Check",
                "-addext", "subjectAltName=DNS:shop.example.com,DNS:*.shop.example.com,IP:10.1.2.3");

        ParsedMaterial m = read("c.pem", null).merge(read("k.pem", null));
        CertificateInfo info = CertificateInfo.of(m.chain().get(0), Instant.now());

        String fingerprint = o.ok("x509", "-in", "c.pem", "-noout", "-fingerprint", "-sha256").trim();
        assertThat(fingerprint).endsWith("=" + info.sha256Fingerprint());
        String sans = o.ok("x509", "-in", "c.pem", "-noout", "-ext", "subjectAltName");
        assertThat(sans).contains("DNS:shop.example.com, DNS:*.shop.example.com, IP Address:10.1.2.3");
        assertThat(info.dnsNames()).containsExactly("shop.example.com", "*.shop.example.com");
        assertThat(info.ipAddresses()).containsExactly("10.1.2.3");
        assertThat(info.notAfter()).isEqualTo(opensslDate(o.ok("x509", "-in", "c.pem", "-noout", "-enddate")));
        assertThat(info.notBefore()).isEqualTo(opensslDate(o.ok("x509", "-in", "c.pem", "-noout", "-startdate")));
        assertThat(info.serialHex()).isEqualToIgnoringCase(o.ok("x509", "-in", "c.pem", "-noout", "-serial").trim()
                .replaceFirst("^serial=", "").replaceFirst("^0+(?=.)", ""));
        assertThat(KeyMatcher.matches(m.keys().get(0).privateKey(), m.chain().get(0).getPublicKey())).isTrue();
    }

    @Test
    void opensslEncryptedKeysOpenWithThePasswordOnly() throws IOException {
        Openssl o = openssl();
        o.ok("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem");
        o.ok("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "rsa.pem", "-out", "pkcs8-enc.pem", "-passout", "pass:s3cret");
        o.ok("rsa", "-in", "rsa.pem", "-aes128", "-traditional", "-out", "legacy-rsa.pem", "-passout", "pass:s3cret");
        o.ok("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem");
        o.ok("ec", "-in", "ec.pem", "-aes256", "-out", "legacy-ec.pem", "-passout", "pass:s3cret");
        o.ok("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "rsa.pem", "-outform", "DER", "-out", "enc.p8",
                "-passout", "pass:s3cret");
        assertThat(Files.readString(dir.resolve("legacy-rsa.pem"))).contains("Proc-Type: 4,ENCRYPTED");

        PrivateKeyCheck plain = new PrivateKeyCheck(read("rsa.pem", null).keys().get(0));
        for (String file : List.of("pkcs8-enc.pem", "legacy-rsa.pem", "enc.p8")) {
            ParsedMaterial right = read(file, "s3cret");
            assertThat(right.keys()).as(file + " " + right.problems()).singleElement()
                    .satisfies(k -> assertThat(plain.sameAs(k)).isTrue());
            assertThat(read(file, "wrong").problems()).as(file).extracting(MaterialProblem::kind)
                    .contains(MaterialProblem.Kind.WRONG_PASSWORD);
            assertThat(read(file, null).problems()).as(file).extracting(MaterialProblem::kind)
                    .contains(MaterialProblem.Kind.ENCRYPTED_KEY);
        }
        assertThat(read("legacy-ec.pem", "s3cret").keys()).singleElement()
                .satisfies(k -> assertThat(new PrivateKeyCheck(read("ec.pem", null).keys().get(0)).sameAs(k)).isTrue());
    }

    @Test
    void opensslReadsTheKeysGatehouseEncrypts() throws IOException {
        Openssl o = openssl();
        TestCerts.Issued leaf = TestCerts.cert("shop.example.com").dns("shop.example.com").issue();
        Files.writeString(dir.resolve("enc.pem"), Pem.encryptedPrivateKey(leaf.key(), "at rest".toCharArray()));
        Files.writeString(dir.resolve("cert.pem"), TestCerts.pem(leaf.cert()));

        String keyPub = o.ok("pkey", "-in", "enc.pem", "-passin", "pass:at rest", "-pubout");
        assertThat(keyPub).isEqualTo(o.ok("x509", "-in", "cert.pem", "-noout", "-pubkey"));
        assertThat(o.run("pkey", "-in", "enc.pem", "-passin", "pass:wrong", "-noout").ok()).isFalse();
    }

    @Test
    void opensslPkcs12IsReadWithItsPassword() throws IOException {
        Openssl o = openssl();
        o.ok("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-days", "30",
                "-subj", "/CN=p12.example.com", "-addext", "subjectAltName=DNS:p12.example.com");
        o.ok("pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-out", "bundle.p12", "-passout", "pass:changeit");

        ParsedMaterial m = read("bundle.p12", "changeit");
        assertThat(m.chain()).singleElement().satisfies(c -> assertThat(CertificateInfo.of(c, Instant.now()).dnsNames())
                .containsExactly("p12.example.com"));
        assertThat(KeyMatcher.matches(m.keys().get(0).privateKey(), m.chain().get(0).getPublicKey())).isTrue();
        assertThat(read("bundle.p12", "nope").problems()).extracting(MaterialProblem::kind)
                .containsExactly(MaterialProblem.Kind.WRONG_PASSWORD);
        String fingerprint = o.ok("x509", "-in", "c.pem", "-noout", "-fingerprint", "-sha256").trim();
        assertThat(fingerprint).endsWith("=" + CertificateInfo.of(m.chain().get(0), Instant.now()).sha256Fingerprint());
    }

    @Test
    void opensslEd25519KeyAndCertificate() throws IOException {
        Openssl o = openssl();
        o.ok("genpkey", "-algorithm", "ed25519", "-out", "ed.pem");
        o.ok("req", "-x509", "-key", "ed.pem", "-out", "ed.crt", "-days", "10", "-subj", "/CN=ed.example.com",
                "-addext", "subjectAltName=DNS:ed.example.com");

        MaterialAnalysis a = new MaterialAnalyzer(Clock.system(ZoneOffset.UTC), TrustAnchors.none())
                .analyze(List.of(read("ed.crt", null), read("ed.pem", null)), List.of("ed.example.com"));

        assertThat(a.chain().keyMatch()).isEqualTo(ChainAnalysis.KeyMatch.MATCHES_LEAF);
        assertThat(a.leaf().orElseThrow().key().algorithm()).isEqualTo("Ed25519");
        assertThat(a.usableForTls()).isTrue();
    }

    private static Instant opensslDate(String line) {
        String value = line.substring(line.indexOf('=') + 1).trim().replaceAll(" +", " ");
        return ZonedDateTime.parse(value, DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy z", Locale.ROOT)).toInstant();
    }

    /** Compares private keys by their encodings. */
    private record PrivateKeyCheck(KeyEntry reference) {
        boolean sameAs(KeyEntry other) {
            return java.util.Arrays.equals(reference.privateKey().getEncoded(), other.privateKey().getEncoded())
                    || KeyMatcher.matches(other.privateKey(), publicOf(reference));
        }

        private static java.security.PublicKey publicOf(KeyEntry k) {
            return k.publicKey().orElseThrow(() -> new AssertionError("no public key in " + k));
        }
    }
}
