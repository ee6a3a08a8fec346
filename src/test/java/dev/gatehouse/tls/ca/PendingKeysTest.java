package dev.gatehouse.tls.ca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tls.KeyMatcher;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.CertificateSigningRequest;
import dev.gatehouse.tls.build.KeyAlgorithm;
import dev.gatehouse.tls.build.LeafSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingKeysTest {

    @TempDir
    Path data;

    @Test
    void aPendingKeyIsKeptEncryptedAndPairedWithItsSignedCertificate() throws Exception {
        PendingKeys pending = new PendingKeys(data, AtRestKey.in(data), TestCerts.CLOCK);
        CertificateSigningRequest csr = new LeafSpec("CN=shop.example.com", List.of("shop.example.com"), List.of(),
                Duration.ofDays(90), KeyAlgorithm.EC_P256).csr();

        PendingKeys.Pending saved = pending.save(csr, "shop/storefront-tls", "gatehouse-demo");

        Path dir = data.resolve("pending-keys").resolve(saved.id());
        assertThat(Files.readString(dir.resolve("key.pem"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(dir.resolve("key.pem"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(pending.list()).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo("shop/storefront-tls");
            assertThat(p.dnsNames()).containsExactly("shop.example.com");
        });

        // The external CA signs the request (here: a CA made for the test) and the certificate comes back.
        LocalCa ca = LocalCa.openOrCreate(data.resolve("other"), AtRestKey.in(data.resolve("other")), TestCerts.CLOCK);
        CertificateBundle signed = dev.gatehouse.tls.build.CertificateBuilder.create(TestCerts.CLOCK).subject(csr.subject())
                .sans("shop.example.com").serverAuth().keyPair(new KeyPair(csr.keyPair().getPublic(),
                        csr.keyPair().getPrivate()), KeyAlgorithm.EC_P256).issuedBy(ca.bundle()).build();

        assertThat(pending.findFor(signed.certificate())).contains(saved);
        assertThat(KeyMatcher.matches(pending.key(saved), signed.certificate().getPublicKey())).isTrue();
        assertThat(pending.findFor(ca.certificate())).isEmpty();

        pending.complete(saved);
        assertThat(pending.list()).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void theRequestNamesTheHostsAndVerifies() {
        CertificateSigningRequest csr = new LeafSpec("CN=api.example.com", List.of("api.example.com", "api2.example.com"),
                List.of("10.0.0.1"), Duration.ofDays(90), KeyAlgorithm.RSA_2048).csr();

        assertThat(csr.signatureValid()).isTrue();
        assertThat(csr.pem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(csr.toString()).doesNotContain("PRIVATE");
    }
}
