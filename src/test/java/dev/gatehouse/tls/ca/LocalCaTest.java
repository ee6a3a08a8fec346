package dev.gatehouse.tls.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.tls.ChainAnalysis;
import dev.gatehouse.tls.ChainAnalyzer;
import dev.gatehouse.tls.KeyMatcher;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.build.CertificateBundle;
import dev.gatehouse.tls.build.KeyAlgorithm;
import dev.gatehouse.tls.build.LeafSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCaTest {

    @TempDir
    Path data;

    private final Clock clock = Clock.systemUTC();

    private static Set<PosixFilePermission> perms(String s) {
        return PosixFilePermissions.fromString(s);
    }

    @Test
    void createdOnFirstUseOwnerOnlyWithItsKeyEncryptedAndReopenedAsTheSameCa() throws Exception {
        assertThat(LocalCa.exists(data)).isFalse();

        LocalCa ca = LocalCa.openOrCreate(data, AtRestKey.in(data), clock);

        Path dir = LocalCa.directory(data);
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(perms("rwx------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("ca.key"))).isEqualTo(perms("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("ca.crt"))).isEqualTo(perms("rw-------"));
        assertThat(Files.getPosixFilePermissions(data.resolve("keys/at-rest.key"))).isEqualTo(perms("rw-------"));
        assertThat(Files.readString(dir.resolve("ca.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(ca.certificate().getBasicConstraints()).isZero();
        assertThat(ca.certificate().getSubjectX500Principal().getName()).startsWith("CN=Gatehouse Local CA");

        LocalCa again = LocalCa.openOrCreate(data, AtRestKey.in(data), clock);
        assertThat(again.certificate()).isEqualTo(ca.certificate());
        assertThat(KeyMatcher.matches(again.bundle().privateKey(), ca.certificate().getPublicKey())).isTrue();
        assertThat(LocalCa.certificateIfExists(data)).contains(ca.certificate());
    }

    @Test
    void issuesServerCertificatesThatChainToItAndExportsOnlyItsCertificate() throws Exception {
        LocalCa ca = LocalCa.openOrCreate(data, AtRestKey.in(data), clock);
        LeafSpec spec = new LeafSpec("CN=shop.example.com", List.of("shop.example.com"), List.of(),
                Duration.ofDays(30), KeyAlgorithm.RSA_2048);

        CertificateBundle leaf = ca.issue(spec, clock.instant());
        ChainAnalysis analysis = new ChainAnalyzer(clock, new LocalTrust(data).extend(TrustAnchors.none()))
                .analyze(leaf.chain(), Optional.of(leaf.privateKey()));

        assertThat(leaf.chain()).containsExactly(leaf.certificate());
        assertThat(analysis.completeness()).isEqualTo(ChainAnalysis.Completeness.COMPLETE);
        assertThat(analysis.trustedBy()).get().asString().contains("Gatehouse's local CA");
        assertThat(analysis.keyMatch()).isEqualTo(ChainAnalysis.KeyMatch.MATCHES_LEAF);

        Path exported = data.resolve("out/gatehouse-ca.crt");
        ca.exportCertificate(exported);
        assertThat(Files.readString(exported)).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
        assertThat(Files.getPosixFilePermissions(exported)).isEqualTo(perms("rw-r--r--"));
    }

    @Test
    void aDamagedCaSaysSoInsteadOfMakingANewOne() throws Exception {
        LocalCa.openOrCreate(data, AtRestKey.in(data), clock);
        Files.writeString(LocalCa.directory(data).resolve("ca.key"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n");

        assertThatThrownBy(() -> LocalCa.openOrCreate(data, AtRestKey.in(data), clock))
                .hasMessageStartingWith("The local CA in " + LocalCa.directory(data) + " cannot be used: PEM block 1");
    }
}
