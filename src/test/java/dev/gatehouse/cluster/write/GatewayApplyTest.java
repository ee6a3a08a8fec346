package dev.gatehouse.cluster.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.MockCluster;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.drafts.HttpRouteForm;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safe apply path for an HTTPRoute draft, against fabric8's mock API server in CRUD mode. */
class GatewayApplyTest {
    private static final String ROUTE = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: search, namespace: web}
            spec:
              parentRefs: [{name: main, namespace: edge}]
              rules:
                - backendRefs:
                    - {name: search-v1, port: 80, weight: 90}
                    - {name: search-v2, port: 80, weight: 10}
            """;
    @TempDir
    Path dir;
    private MockCluster cluster;
    private KubernetesClient client;
    private SafeWriter writer;

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
        client = cluster.client();
        writer = new SafeWriter(client, new BackupStore(dir.resolve("backups")),
                Clock.fixed(Instant.parse("2026-01-10T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static HTTPRoute draft() {
        return (HTTPRoute) ((DraftYaml.Valid) new DraftYaml().parse(ROUTE)).object();
    }

    private HTTPRoute live() {
        return client.resources(HTTPRoute.class).inNamespace("web").withName("search").get();
    }

    private static HTTPRoute weights(HTTPRoute base, String a, String b) {
        HttpRouteForm f = HttpRouteForm.from(base);
        return new HttpRouteForm(f.namespace(), f.name(), f.parents(), f.hostnames(), f.rules(),
                List.of(new HttpRouteForm.BackendRow(1, "search-v1", "80", a),
                        new HttpRouteForm.BackendRow(1, "search-v2", "80", b))).applyTo(base);
    }

    @Test
    void createsThenUpdatesTheRouteWithABackupAndUndoRestoresIt() throws Exception {
        assertThat(writer.dryRun(draft(), Optional.empty())).isInstanceOf(WriteResult.Validated.class);
        WriteResult created = writer.apply(draft(), Optional.empty(), "new draft");
        assertThat(created.message()).isEqualTo("Created HTTPRoute web/search");
        HTTPRoute v1 = live();
        assertThat(v1.getSpec().getRules().get(0).getBackendRefs().get(0).getWeight()).isEqualTo(90);

        HTTPRoute changed = weights(DraftYaml.strip(v1) instanceof HTTPRoute r ? r : null, "50", "50");
        assertThat(YamlDiff.render(writer.diff(changed))).contains("weight: 50");
        WriteResult updated = writer.apply(changed, Optional.of(v1.getMetadata().getResourceVersion()), "apply draft");
        assertThat(updated).isInstanceOf(WriteResult.Written.class);
        assertThat(updated.message()).isEqualTo("Updated HTTPRoute web/search");
        assertThat(live().getSpec().getRules().get(0).getBackendRefs().get(0).getWeight()).isEqualTo(50);
        Backup backup = ((WriteResult.Written) updated).backup();
        try (var files = Files.walk(dir.resolve("backups"))) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("object.yaml"))
                    .anyMatch(p -> p.getParent().getFileName().toString().equals(backup.id()))).isTrue();
        }
        assertThat(backup.yaml()).hasValueSatisfying(y -> assertThat(y).contains("weight: 90"));

        WriteResult undo = writer.restore(backup);
        assertThat(undo).isInstanceOf(WriteResult.Written.class);
        assertThat(live().getSpec().getRules().get(0).getBackendRefs().get(0).getWeight()).isEqualTo(90);
    }

    @Test
    void aConcurrentChangeIsRefusedWithAClearMessageAndNothingIsOverwritten() {
        writer.apply(draft(), Optional.empty(), "new draft");
        HTTPRoute seen = live();
        String base = seen.getMetadata().getResourceVersion();
        HTTPRoute someoneElse = weights(seen, "0", "100");
        client.resource(someoneElse).update();
        String now = live().getMetadata().getResourceVersion();

        WriteResult r = writer.apply(weights(seen, "70", "30"), Optional.of(base), "apply draft");
        assertThat(r).isInstanceOf(WriteResult.Conflict.class);
        assertThat(r.message()).isEqualTo("HTTPRoute web/search changed in the cluster since the change was based on it "
                + "(resourceVersion " + base + " → " + now + ")");
        assertThat(live().getSpec().getRules().get(0).getBackendRefs().get(1).getWeight()).isEqualTo(100);
    }
}
