package dev.gatehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.MaterialReaders;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's scenarios are dated from the clock it is given, so "expires in 5 days" still says 5 days
 * when the clock is moved (GATEHOUSE_CLOCK_OFFSET) and the screens judge by the same clock.
 */
class DemoClockTest {

    @TempDir
    Path dir;

    @Test
    void certificateDatesFollowTheGivenClockEvenTwoYearsAhead() throws Exception {
        Clock twoYearsAhead = Clock.fixed(Instant.parse("2028-12-01T12:00:00Z"), ZoneOffset.UTC);
        try (DemoCluster cluster = DemoCluster.start(dir.resolve("kubeconfig"), twoYearsAhead);
             KubernetesClient client = new KubernetesClientBuilder()
                     .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build()) {
            CertificateInfo soon = leaf(client.secrets().inNamespace("platform").withName("status-tls").get(),
                    twoYearsAhead);
            CertificateInfo expired = leaf(client.secrets().inNamespace("shop").withName("catalog-tls").get(),
                    twoYearsAhead);

            assertThat(soon.daysLeft()).isBetween(4L, 5L);
            assertThat(Duration.between(expired.notAfter(), twoYearsAhead.instant()).toDays()).isGreaterThanOrEqualTo(11);
            assertThat(expired.notAfter()).isAfter(Instant.parse("2028-11-01T00:00:00Z"));
        }
    }

    private static CertificateInfo leaf(Secret secret, Clock clock) {
        byte[] crt = Base64.getDecoder().decode(secret.getData().get("tls.crt"));
        return CertificateInfo.of(MaterialReaders.read(crt, "tls.crt").chain().get(0), clock.instant());
    }
}
