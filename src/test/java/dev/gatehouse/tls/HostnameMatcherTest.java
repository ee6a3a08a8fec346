package dev.gatehouse.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "shop.example.com, shop.example.com, true",
            "SHOP.example.com, shop.EXAMPLE.com., true",
            "*.example.com, shop.example.com, true",
            "*.example.com, a.b.example.com, false",
            "*.example.com, example.com, false",
            "*.com, example.com, false",
            "www.shop.example.com, shop.example.com, false",
            "shop.example.com, www.shop.example.com, false",
            "*.example.com, *.example.com, true",
            "shop.example.com, *.example.com, false",
            "f*.example.com, foo.example.com, false",
    })
    void matchesLikeTlsClients(String pattern, String host, boolean expected) {
        assertThat(HostnameMatcher.matches(pattern, host)).isEqualTo(expected);
    }

    @Test
    void coverageUsesSansAndFallsBackToCommonNameOnlyWithoutSans() {
        var withSans = CertificateInfo.of(TestCerts.cert("legacy.example.com").dns("www.shop.example.com").issue()
                .cert(), TestCerts.NOW);
        var cnOnly = CertificateInfo.of(TestCerts.cert("legacy.example.com").issue().cert(), TestCerts.NOW);
        var ip = CertificateInfo.of(TestCerts.cert("ip").ip("10.0.0.1").issue().cert(), TestCerts.NOW);

        assertThat(HostnameMatcher.coverage(withSans, "www.shop.example.com")).isEqualTo(HostCoverage.SAN);
        assertThat(HostnameMatcher.coverage(withSans, "legacy.example.com")).isEqualTo(HostCoverage.NONE);
        assertThat(HostnameMatcher.coverage(cnOnly, "legacy.example.com")).isEqualTo(HostCoverage.COMMON_NAME_ONLY);
        assertThat(cnOnly.covers("legacy.example.com")).isFalse();
        assertThat(HostnameMatcher.coverage(ip, "10.0.0.1")).isEqualTo(HostCoverage.SAN);
        assertThat(HostnameMatcher.coverage(ip, "10.0.0.2")).isEqualTo(HostCoverage.NONE);
        assertThat(HostnameMatcher.coveredNames(withSans)).containsExactly("www.shop.example.com");
    }
}
