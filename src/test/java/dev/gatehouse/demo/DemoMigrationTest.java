package dev.gatehouse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.migrate.Difference;
import dev.gatehouse.migrate.MigrationRequest;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.migrate.Migrator;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Converting every Ingress of the demo cluster: every difference that remains is one the report explains. */
class DemoMigrationTest {

    static InMemoryClusterView demo() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        SeedSet seed = SeedSet.load(DemoMigrationTest.class.getClassLoader(), SeedSet.DEFAULT_LOCATION, serialization);
        DemoPki pki = DemoPki.generate(seed.certificates(), TestCerts.NOW);
        List<HasMetadata> resources = seed.render(pki, placeholder -> 1234, Instant.parse("2026-12-01T12:00:00Z"));
        return InMemoryClusterView.of(resources);
    }

    @Test
    void everyDifferenceOfTheDemoClusterIsExplained() throws Exception {
        MigrationResult r = new Migrator(ControllerProfile.ingressNginx(), TestCerts.CLOCK, TrustAnchors.jdkDefaults())
                .migrate(demo(), MigrationRequest.everything());
        for (Difference d : r.diff().unexplained()) {
            System.out.println(d.probe().purpose() + " " + d.probe().request().url() + " sni=" + d.probe().request().sni()
                    + ": " + d.summary() + " | " + d.before().ingressRule().map(m -> m.ingress() + " " + m.path()
                    + " regex=" + m.regex()).orElse("-"));
        }
        System.out.println("compared " + r.diff().compared() + " differ " + r.diff().differences().size()
                + " unexplained " + r.diff().unexplained().size());
        assertThat(r.plan().converted()).hasSizeGreaterThan(10);
        assertThat(r.diff().compared()).isGreaterThan(100);
        assertThat(r.diff().unexplained()).isEmpty();
    }
}
