package dev.gatehouse.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.LeafSummary;
import dev.gatehouse.tls.TestCerts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fleet reads each distinct tls.crt once: the same bytes give the same summary, and the cache stays bounded. */
class CertificateCacheTest {

    private static final Instant NOW = TestCerts.CLOCK.instant();

    private static byte[] pem(String host, int days) {
        TestCerts.Issued leaf = TestCerts.cert(host).dns(host).validFrom(NOW.minus(Duration.ofDays(1)))
                .validUntil(NOW.plus(Duration.ofDays(days))).issue();
        return TestCerts.pem(leaf.cert()).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theSameBytesAreAnalysedOnceAndGiveTheSameSummary() {
        CertificateCache cache = new CertificateCache();
        AtomicInteger analysed = new AtomicInteger();
        byte[] crt = pem("shop.example.com", 20);
        CertificateCache.Analysis first = cache.get(crt, b -> {
            analysed.incrementAndGet();
            return FleetCertificates.analyse(b, "shop/web-tls tls.crt");
        });
        CertificateCache.Analysis again = cache.get(crt.clone(), b -> {
            analysed.incrementAndGet();
            return FleetCertificates.analyse(b, "other/web-tls tls.crt");
        });
        assertThat(analysed).hasValue(1);
        assertThat(again).isSameAs(first);
        assertThat(first.info()).get().extracting(LeafSummary::subject, LeafSummary::hosts)
                .containsExactly("shop.example.com", List.of("shop.example.com"));
    }

    @Test
    void theSummaryHasTheValuesOfTheFullAnalysis() throws Exception {
        byte[] crt = pem("api.example.com", 45);
        LeafSummary leaf = FleetCertificates.analyse(crt, "x").info().orElseThrow();
        CertificateInfo full = CertificateInfo.of(FleetCertificates.firstCertificate(crt).orElseThrow(), NOW);
        assertThat(leaf.subject()).isEqualTo(full.subjectCommonName().orElseThrow());
        assertThat(leaf.issuer()).isEqualTo(full.issuerCommonName().orElseThrow());
        assertThat(leaf.hosts()).isEqualTo(full.dnsNames());
        assertThat(leaf.notAfter()).isEqualTo(full.notAfter());
        assertThat(leaf.daysLeft(NOW)).isEqualTo(full.daysLeft());
        assertThat(leaf.expiry(NOW)).isEqualTo(full.expiry());
    }

    @Test
    void unreadableContentIsRememberedWithItsReason() {
        CertificateCache cache = new CertificateCache();
        AtomicInteger analysed = new AtomicInteger();
        byte[] junk = "not a certificate".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            CertificateCache.Analysis a = cache.get(junk, b -> {
                analysed.incrementAndGet();
                return FleetCertificates.analyse(b, "qa/broken-tls tls.crt");
            });
            assertThat(a.problem()).hasValue("tls.crt holds no certificate");
        }
        assertThat(analysed).hasValue(1);
    }

    @Test
    void staysBoundedDroppingTheLeastRecentlyUsed() {
        CertificateCache cache = new CertificateCache(2);
        AtomicInteger analysed = new AtomicInteger();
        java.util.function.Function<byte[], CertificateCache.Analysis> count = b -> {
            analysed.incrementAndGet();
            return CertificateCache.Analysis.unreadable(new String(b, StandardCharsets.UTF_8));
        };
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".getBytes(StandardCharsets.UTF_8);
        byte[] c = "c".getBytes(StandardCharsets.UTF_8);
        cache.get(a, count);
        cache.get(b, count);
        cache.get(a, count); // a is now the most recently used
        cache.get(c, count); // drops b
        assertThat(cache.size()).isEqualTo(2);
        assertThat(analysed).hasValue(3);
        cache.get(a, count);
        assertThat(analysed).as("a was kept").hasValue(3);
        cache.get(b, count);
        assertThat(analysed).as("b was dropped and is analysed again").hasValue(4);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void contextsMeetingTheSameNewCertificateAtOnceAnalyseItOnce() throws Exception {
        CertificateCache cache = new CertificateCache();
        AtomicInteger analysed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        byte[] crt = pem("wild.example.com", 10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CertificateCache.Analysis>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> cache.get(crt, bytes -> {
                    analysed.incrementAndGet();
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return FleetCertificates.analyse(bytes, "x");
                })));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            CertificateCache.Analysis first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<CertificateCache.Analysis> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(analysed).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
