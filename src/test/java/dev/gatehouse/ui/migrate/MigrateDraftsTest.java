package dev.gatehouse.ui.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftStore;
import dev.gatehouse.migrate.MigrationRequest;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.migrate.Migrator;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.yaml.LoadResult;
import dev.gatehouse.routing.yaml.YamlClusterLoader;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.ui.common.DraftDesk;
import dev.gatehouse.ui.draft.DraftsViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The drafts of a migration kept through the Drafts screen's own store ({@link DraftDesk}): one per generated
 * object with a note naming its Ingresses, no duplicates when saved again, edits seen and named, apply order.
 */
class MigrateDraftsTest {
    @TempDir
    Path home;
    private final List<String> applied = new ArrayList<>();

    private static final String INPUT = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {ports: [{name: http, port: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec: {ports: [{name: http, port: 8080}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: shop}
            spec:
              ingressClassName: nginx
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                  - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 8080}}}}
            """;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static MigrationResult migrate() throws Exception {
        LoadResult.Loaded loaded = (LoadResult.Loaded) new YamlClusterLoader().parse(INPUT, "input.yaml");
        return new Migrator(ControllerProfile.ingressNginx(), TestCerts.CLOCK, TrustAnchors.jdkDefaults())
                .migrate(loaded.view(), MigrationRequest.everything());
    }

    private DraftsViewModel drafts() {
        return new DraftsViewModel(new DraftStore(home.resolve("drafts")), new BackupStore(home.resolve("backups")),
                new SimpleObjectProperty<ClusterSession>(), new SimpleObjectProperty<SessionSnapshot>(),
                new SimpleObjectProperty<RoutingService>(), Runnable::run, TestCerts.CLOCK);
    }

    static java.util.Map<String, io.fabric8.kubernetes.api.model.HasMetadata> objects(MigrationResult result) {
        java.util.Map<String, io.fabric8.kubernetes.api.model.HasMetadata> out = new java.util.LinkedHashMap<>();
        result.plan().objects().forEach(o -> out.put(dev.gatehouse.migrate.MigrationPlan.key(o), o));
        return out;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    @Test
    void everyObjectBecomesOneDraftWithItsIngressAndSavingAgainMakesNoDuplicates() throws Exception {
        MigrationResult result = migrate();
        int objects = result.plan().objects().size();
        DraftsViewModel vm = fx(this::drafts);
        DraftDesk desk = fx(() -> vm.desk(() -> { }, () -> applied.add("apply")));
        MigrateDrafts drafts = fx(() -> new MigrateDrafts(desk, TestCerts.CLOCK));
        AtomicInteger changes = new AtomicInteger();
        fx(() -> desk.onChange(changes::incrementAndGet));

        fx(() -> {
            drafts.reset(result);
            return drafts.save(objects(result));
        });
        assertThat(vm.items()).hasSize(objects);
        assertThat(changes.get()).isPositive();
        assertThat(vm.items()).allSatisfy(i -> assertThat(i.draft().note())
                .startsWith("Migrated from Ingress shop/web.").contains("untouched"));
        assertThat(vm.items().stream().map(i -> i.draft().displayName()))
                .contains("Gateway shop/" + result.plan().gateway().getMetadata().getName());
        assertThat(fx(() -> drafts.edited(java.util.Map.of()))).isEmpty();
        assertThat(fx(drafts::describe)).contains("all as generated");

        // Edit the HTTPRoute of /api in its draft (the Drafts screen's editor): the draft is named as edited.
        Draft route = vm.items().stream().map(i -> i.draft()).filter(d -> d.yaml().contains("name: \"api\""))
                .findFirst().orElseThrow();
        fx(() -> {
            desk.open(route.id());
            vm.editorProperty().get().textProperty().set(route.yaml().replace("name: \"api\"", "name: \"web\""));
            return null;
        });
        assertThat(fx(drafts::changedSinceCompared)).isTrue();
        assertThat(fx(() -> drafts.edited(java.util.Map.of()))).containsExactly(route.displayName());
        assertThat(fx(drafts::describe)).contains(route.displayName() + " edited");
        assertThat(MigrateDrafts.objects(fx(drafts::versions), fx(drafts::names))).hasSize(objects)
                .anySatisfy(o -> assertThat(o.getMetadata().getName()).isEqualTo(route.name()));

        // Saving again puts the generated objects back into the same drafts.
        fx(() -> drafts.save(objects(result)));
        assertThat(vm.items()).hasSize(objects);
        assertThat(fx(desk::drafts)).filteredOn(d -> d.id().equals(route.id())).singleElement()
                .satisfies(d -> assertThat(d.yaml()).contains("name: \"api\""));
        assertThat(fx(() -> drafts.edited(java.util.Map.of()))).isEmpty();

        // The store on disk has them with their notes; Apply… starts with the Gateway.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new DraftStore(home.resolve("drafts")).list()).hasSize(objects)
                .allSatisfy(d -> assertThat(d.note()).startsWith("Migrated from Ingress shop/web"));
        String gateway = fx(desk::drafts).stream().filter(d -> d.kind().kind().equals("Gateway")).findFirst()
                .orElseThrow().id();
        assertThat(fx(drafts::nextToApply)).contains(gateway);
        fx(() -> {
            drafts.apply(gateway);
            return null;
        });
        assertThat(applied).containsExactly("apply");
        assertThat(vm.editorProperty().get().draftProperty().get().id()).isEqualTo(gateway);
        assertThat(fx(() -> drafts.reminderProperty().get())).isEmpty();
    }

    @Test
    void aDraftWithInvalidYamlIsNamedNotCompared() throws Exception {
        java.util.Map<String, String> versions = new java.util.LinkedHashMap<>();
        versions.put("a", "kind: HTTPRoute\napiVersion: gateway.networking.k8s.io/v1\nmetadata: {name: x, namespace: shop\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MigrateDrafts.objects(versions,
                java.util.Map.of("a", "HTTPRoute shop/x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The YAML of the draft HTTPRoute shop/x is not valid (");
    }
}
