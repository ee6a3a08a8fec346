package dev.gatehouse.proxy.route;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.tls.TestCerts;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proxy judges a backend's certificate with the app clock, as the engine does (one clock). */
class ClockedServerTrustManagerTest {

    private static final TestCerts.Issued CA = TestCerts.cert("Backend CA").ca().issue();
    private static final TestCerts.Issued LATER = TestCerts.cert("vault.web.svc").dns("vault.web.svc")
            .validFrom(TestCerts.NOW.plus(Duration.ofDays(700))).validUntil(TestCerts.NOW.plus(Duration.ofDays(800)))
            .issuedBy(CA).issue();

    private static X509Certificate[] chain() {
        return new X509Certificate[] {LATER.cert(), CA.cert()};
    }

    @Test
    void aCertificateValidAtTheAppClocksNowIsTrusted() {
        Clock appClock = Clock.fixed(TestCerts.NOW.plus(Duration.ofDays(730)), ZoneOffset.UTC);
        assertThatCode(() -> new ClockedServerTrustManager(List.of(CA.cert()), appClock).checkServerTrusted(chain(),
                "ECDHE_ECDSA")).doesNotThrowAnyException();
    }

    @Test
    void theSameCertificateIsNotYetValidAtAnEarlierNow() {
        assertThatThrownBy(() -> new ClockedServerTrustManager(List.of(CA.cert()), TestCerts.CLOCK)
                .checkServerTrusted(chain(), "ECDHE_ECDSA")).isInstanceOf(CertificateException.class);
    }

    @Test
    void aCertificateOfAnotherCaIsRefused() {
        TestCerts.Issued other = TestCerts.cert("Other CA").ca().issue();
        Clock appClock = Clock.fixed(TestCerts.NOW.plus(Duration.ofDays(730)), ZoneOffset.UTC);
        assertThatThrownBy(() -> new ClockedServerTrustManager(List.of(other.cert()), appClock)
                .checkServerTrusted(chain(), "ECDHE_ECDSA")).isInstanceOf(CertificateException.class);
    }
}
