package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.AppDirs;
import dev.gatehouse.cluster.MockCluster;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.drafts.DraftState;
import dev.gatehouse.drafts.DraftStore;
import dev.gatehouse.drafts.DraftTemplate;
import dev.gatehouse.drafts.IngressForm;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.ui.common.FxBackground;
import dev.gatehouse.ui.common.connection.ConnectionViewModel;
import dev.gatehouse.ui.common.diagnostics.LiveDiagnostics;
import dev.gatehouse.ui.draft.DraftsViewModel;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drafts against the mock API server: new and changed Ingresses, a concurrent change, rebase, undo, restart. */
class DraftsViewModelTest {
    @TempDir
    Path home;
    private final FxBackground background = new FxBackground();
    private MockCluster cluster;
    private ConnectionViewModel connection;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            connection.close();
            return null;
        });
        background.close();
        cluster.close();
    }

    private DraftsViewModel connect() throws Exception {
        cluster = MockCluster.start();
        cluster.client().network().v1().ingresses().inNamespace("shop").resource(ingress("web", "a.example.com")).create();
        DraftsViewModel vm = fx(() -> {
            connection = new ConnectionViewModel(background, new AppDirs(home.resolve("config"), home.resolve("data")),
                    TestCerts.CLOCK);
            connection.openKubeconfig(cluster.kubeconfig(home));
            return newVm();
        });
        GuiTestSupport.awaitConnected(connection);
        GuiTestSupport.await(10, () -> connection.sessionProperty().get().ingresses().get("shop", "web").isPresent());
        return vm;
    }

    private DraftsViewModel newVm() {
        LiveDiagnostics live = new LiveDiagnostics(connection.routingProperty());
        return new DraftsViewModel(new DraftStore(home.resolve("data/drafts")), new BackupStore(home.resolve("data/backups")),
                connection.sessionProperty(), live.snapshotProperty(), connection.routingProperty(), background::execute,
                TestCerts.CLOCK);
    }

    @Test
    void aNewIngressIsCreatedAndUndoRemovesIt() throws Exception {
        DraftsViewModel vm = connect();
        fx(() -> {
            vm.create(DraftTemplate.TLS_HOST, "shop", "api", "api.example.com", "api");
            return null;
        });
        assertThat(fx(() -> vm.dryRun()).get(20, TimeUnit.SECONDS)).isInstanceOf(WriteResult.Validated.class);
        WriteResult r = fx(() -> vm.apply()).get(20, TimeUnit.SECONDS);
        assertThat(r.message()).isEqualTo("Created Ingress shop/api");
        assertThat(cluster.client().network().v1().ingresses().inNamespace("shop").withName("api").get()).isNotNull();
        GuiTestSupport.await(10, () -> vm.items().get(0).state() == DraftState.APPLIED);

        fx(() -> vm.undoLastApply()).get(20, TimeUnit.SECONDS);
        assertThat(cluster.client().network().v1().ingresses().inNamespace("shop").withName("api").get()).isNull();
    }

    @Test
    void aConcurrentChangeIsAConflictNothingIsOverwrittenAndRebaseThenApplyWorks() throws Exception {
        DraftsViewModel vm = connect();
        Ingress live = cluster.client().network().v1().ingresses().inNamespace("shop").withName("web").get();
        String original = ObjectYaml.forDiff(live);
        fx(() -> {
            vm.openAsDraft(live);
            var e = vm.editorProperty().get();
            e.paths().add(new IngressForm.PathRow("a.example.com", "/mine", "Prefix", "web", "80"));
            return null;
        });
        GuiTestSupport.await(10, () -> vm.items().get(0).state() == DraftState.MODIFIED);

        cluster.client().network().v1().ingresses().inNamespace("shop").withName("web").edit(i -> new IngressBuilder(i)
                .editMetadata().addToLabels("changed-by", "someone-else").endMetadata().build());
        GuiTestSupport.await(10, () -> vm.items().get(0).state() == DraftState.CONFLICTING);

        WriteResult r = fx(() -> vm.apply()).get(20, TimeUnit.SECONDS);
        assertThat(r).isInstanceOf(WriteResult.Conflict.class);
        GuiTestSupport.await(5, () -> vm.conflictProperty().get() != null);
        assertThat(vm.conflictProperty().get().live()).contains("someone-else");
        Ingress after = cluster.client().network().v1().ingresses().inNamespace("shop").withName("web").get();
        assertThat(after.getMetadata().getLabels()).containsEntry("changed-by", "someone-else");
        assertThat(after.getSpec().getRules().get(0).getHttp().getPaths()).hasSize(1);

        fx(() -> {
            vm.rebaseOntoLive();
            return null;
        });
        WriteResult second = fx(() -> vm.apply()).get(20, TimeUnit.SECONDS);
        assertThat(second).isInstanceOf(WriteResult.Written.class);
        assertThat(cluster.client().network().v1().ingresses().inNamespace("shop").withName("web").get().getSpec()
                .getRules().get(0).getHttp().getPaths()).hasSize(2);

        fx(() -> vm.undoLastApply()).get(20, TimeUnit.SECONDS);
        Ingress restored = cluster.client().network().v1().ingresses().inNamespace("shop").withName("web").get();
        assertThat(restored.getSpec().getRules().get(0).getHttp().getPaths()).hasSize(1);
        assertThat(restored.getMetadata().getLabels()).containsEntry("changed-by", "someone-else");
        assertThat(ObjectYaml.forDiff(restored)).isNotEqualTo(original); // the other person's change stays
    }

    @Test
    void draftsSurviveARestart() throws Exception {
        DraftsViewModel vm = connect();
        fx(() -> {
            vm.create(DraftTemplate.SIMPLE_HOST, "shop", "kept", "kept.example.com", "web");
            return null;
        });
        GuiTestSupport.await(10, () -> home.resolve("data/drafts").toFile().list() != null
                && home.resolve("data/drafts").toFile().list().length == 1);
        DraftsViewModel again = fx(this::newVm);
        GuiTestSupport.await(10, () -> again.items().size() == 1);
        assertThat(again.items().get(0).draft().name()).isEqualTo("kept");
        GuiTestSupport.await(10, () -> again.items().get(0).state() == DraftState.NEW);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private static Ingress ingress(String name, String host) {
        return new IngressBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withNewSpec().withIngressClassName("nginx").addNewRule().withHost(host).withNewHttp().addNewPath()
                .withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName(name)
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath().endHttp().endRule()
                .endSpec().build();
    }
}
