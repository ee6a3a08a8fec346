package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateInfoTest {

    @Test
    void describesTheFactsUsersAskFor() {
        var chain = TestCerts.chain("shop.example.com", "www.shop.example.com");

        CertificateInfo info = CertificateInfo.of(chain.get(0).cert(), TestCerts.NOW);

        assertThat(info.subjectCommonName()).contains("shop.example.com");
        assertThat(info.issuerCommonName()).contains("Test Intermediate CA");
        assertThat(info.dnsNames()).containsExactly("shop.example.com", "www.shop.example.com");
        assertThat(info.daysLeft()).isEqualTo(335);
        assertThat(info.expiry()).isEqualTo(ExpiryStatus.OK);
        assertThat(info.key().toString()).isEqualTo("EC 256 (P-256)");
        assertThat(info.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(info.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(info.serialHex()).matches("[0-9A-F]+");
        assertThat(info.ca()).isFalse();
        assertThat(info.serverAuth()).isEqualTo(CertificateInfo.ServerAuth.LISTED);
        assertThat(info.selfSigned()).isFalse();
        assertThat(info.weaknesses()).isEmpty();
        assertThat(CertificateInfo.of(chain.get(2).cert(), TestCerts.NOW).selfSigned()).isTrue();
        assertThat(CertificateInfo.of(chain.get(1).cert(), TestCerts.NOW).ca()).isTrue();
    }

    @ParameterizedTest(name = "{0} days left -> {1}")
    @CsvSource({"31, OK", "30, EXPIRING", "7, EXPIRING", "6, EXPIRING_SOON", "0, EXPIRING_SOON", "-1, EXPIRED"})
    void expiryThresholds(long days, ExpiryStatus expected) {
        var cert = TestCerts.cert("a.example.com").daysLeft(days).issue().cert();

        assertThat(CertificateInfo.of(cert, TestCerts.NOW).expiry()).isEqualTo(expected);
    }

    @Test
    void notYetValid() {
        var cert = TestCerts.cert("a.example.com").validFrom(TestCerts.NOW.plus(Duration.ofDays(2)))
                .validUntil(TestCerts.NOW.plus(Duration.ofDays(90))).issue().cert();

        assertThat(CertificateInfo.of(cert, TestCerts.NOW).expiry()).isEqualTo(ExpiryStatus.NOT_YET_VALID);
    }

    @Test
    void weakKeyAndSha1AreFlagged() {
        var root = TestCerts.cert("Root").ca().keys(TestCerts.rsaKey(1024)).issue();
        var weak = TestCerts.cert("weak.example.com").keys(TestCerts.rsaKey(1024)).issuedBy(root)
                .signatureAlgorithm("SHA1withRSA").issue();

        CertificateInfo info = CertificateInfo.of(weak.cert(), TestCerts.NOW);

        assertThat(info.key().toString()).isEqualTo("RSA 1024");
        assertThat(info.weaknesses()).hasSize(2);
        assertThat(info.weaknesses().get(0)).contains("RSA 1024");
        assertThat(info.weaknesses().get(1)).contains("SHA1withRSA");
    }

    @Test
    void clientOnlyCertificateIsNotForServers() {
        var cert = TestCerts.cert("client").clientAuthOnly().issue().cert();

        assertThat(CertificateInfo.of(cert, TestCerts.NOW).serverAuth()).isEqualTo(CertificateInfo.ServerAuth.MISSING);
    }
}
