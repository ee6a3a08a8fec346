package dev.gatehouse.tls.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.tls.Openssl;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.CertificateSigningRequest;
import dev.gatehouse.tls.build.KeyAlgorithm;
import dev.gatehouse.tls.build.LeafSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** openssl verifies what the local CA issues and what the CSR builder writes. Skipped without openssl. */
class OpensslCaCrossCheckTest {

    private static boolean present;

    @TempDir
    Path dir;

    @BeforeAll
    static void findOpenssl() {
        present = Openssl.available();
    }

    @Test
    void opensslVerifiesLocalCaCertificatesAndRenewedSelfSignedOnes() throws Exception {
        assumeTrue(present, "openssl not on PATH");
        Openssl openssl = new Openssl(dir);
        LocalCa ca = LocalCa.openOrCreate(dir.resolve("data"), AtRestKey.in(dir.resolve("data")), Clock.systemUTC());
        LeafSpec spec = new LeafSpec("CN=shop.example.com", List.of("shop.example.com", "www.shop.example.com"),
                List.of(), Duration.ofDays(90), KeyAlgorithm.EC_P256);
        CertificateBundle leaf = ca.issue(spec, Instant.now());
        ca.exportCertificate(dir.resolve("ca.pem"));
        Files.writeString(dir.resolve("leaf.pem"), leaf.chainPem());

        assertThat(openssl.ok("verify", "-purpose", "sslserver", "-CAfile", "ca.pem", "leaf.pem")).contains("leaf.pem: OK");
        assertThat(openssl.ok("x509", "-in", "leaf.pem", "-noout", "-ext", "subjectAltName"))
                .contains("DNS:shop.example.com, DNS:www.shop.example.com");

        CertificateBundle self = spec.withAlgorithm(KeyAlgorithm.RSA_3072).selfSigned(Instant.now());
        Files.writeString(dir.resolve("self.pem"), self.certificatePem());
        assertThat(openssl.ok("verify", "-CAfile", "self.pem", "self.pem")).contains("self.pem: OK");
        assertThat(openssl.ok("x509", "-in", "self.pem", "-noout", "-text")).contains("Public-Key: (3072 bit)");
    }

    @Test
    void opensslVerifiesTheRequestAndSignsIt() throws Exception {
        assumeTrue(present, "openssl not on PATH");
        Openssl openssl = new Openssl(dir);
        CertificateSigningRequest csr = new LeafSpec("CN=api.example.com, O=Example", List.of("api.example.com"),
                List.of("192.0.2.7"), Duration.ofDays(90), KeyAlgorithm.EC_P256).csr();
        Files.writeString(dir.resolve("req.csr"), csr.pem());

        String text = openssl.ok("req", "-in", "req.csr", "-verify", "-noout", "-text");
        assertThat(text).contains("verify OK").contains("DNS:api.example.com, IP Address:192.0.2.7")
                .contains("TLS Web Server Authentication").contains("CN = api.example.com");

        // An external CA (openssl) signs it; the certificate carries the requested names and Gatehouse's key.
        openssl.ok("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "ext-ca.key", "-out", "ext-ca.pem", "-days", "30", "-subj", "/CN=External CA");
        openssl.ok("x509", "-req", "-in", "req.csr", "-CA", "ext-ca.pem", "-CAkey", "ext-ca.key", "-CAcreateserial",
                "-copy_extensions", "copy", "-days", "30", "-out", "signed.pem");
        var signed = dev.gatehouse.tls.MaterialReaders.read(Files.readAllBytes(dir.resolve("signed.pem")), "signed.pem")
                .chain().get(0);
        assertThat(dev.gatehouse.tls.KeyMatcher.matches(csr.privateKey(), signed.getPublicKey())).isTrue();
    }
}
