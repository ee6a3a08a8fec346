package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.app.ManualExecutor;
import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.write.BackupStore;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftKind;
import dev.gatehouse.drafts.DraftState;
import dev.gatehouse.drafts.DraftStore;
import dev.gatehouse.drafts.DraftTemplate;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.InMemoryClusterView;
import dev.gatehouse.session.DraftChecks;
import dev.gatehouse.session.RoutingInput;
import dev.gatehouse.session.RoutingService;
import dev.gatehouse.session.SessionSnapshot;
import dev.gatehouse.tls.TestCerts;
import dev.gatehouse.tls.TrustAnchors;
import dev.gatehouse.tls.ca.TrustPolicy;
import dev.gatehouse.ui.common.DraftDesk;
import dev.gatehouse.ui.draft.DraftItem;
import dev.gatehouse.ui.draft.DraftsViewModel;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 50 open drafts: editing one checks only that one again, and a check that finishes after a newer one never
 * replaces the newer state. The worker is run by hand (no sleeps); checks are counted per draft.
 */
class DraftsLatestWinsTest {
    private static final Clock CLOCK = Clock.fixed(TestCerts.NOW, ZoneOffset.UTC);
    private static final int DRAFTS = 50;

    @TempDir
    Path home;
    private final ManualExecutor worker = new ManualExecutor();
    private final Map<String, AtomicInteger> checksPerDraft = new ConcurrentHashMap<>();
    /** Runs inside a check of a draft, before it returns (to let a newer check overtake it). */
    private volatile Consumer<Draft> duringCheck = d -> { };

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private final DraftChecks counting = new DraftChecks() {
        @Override
        public Check check(Draft draft, Optional<? extends io.fabric8.kubernetes.api.model.HasMetadata> live, SessionSnapshot base, RoutingService service) {
            checksPerDraft.computeIfAbsent(draft.id(), id -> new AtomicInteger()).incrementAndGet();
            Check check = super.check(draft, live, base, service);
            duringCheck.accept(draft);
            return check;
        }
    };

    @Test
    void editingOneOfFiftyDraftsChecksOnlyItAndTheNewestStateWins() throws Exception {
        DraftStore store = new DraftStore(home.resolve("drafts"));
        for (int i = 0; i < DRAFTS; i++) {
            String yaml = DraftTemplate.SIMPLE_HOST.render("shop", "web-" + i, "web-" + i + ".example.com", "web");
            store.save(new Draft(DraftStore.newId(TestCerts.NOW), "shop", "web-" + i, yaml, Optional.of(yaml), Optional.of("1"),
                    TestCerts.NOW.minusSeconds(60), Optional.empty()));
        }
        DraftsViewModel vm = viewModel(store);
        fx(() -> {
            worker.runAll();
            return null;
        });
        assertThat(vm.items()).hasSize(DRAFTS);
        assertThat(checksPerDraft).hasSize(DRAFTS);
        assertThat(checksPerDraft.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(vm.items()).allSatisfy(item -> assertThat(item.state()).isEqualTo(DraftState.UNCHANGED));

        DraftItem chosen = vm.items().get(17);
        String id = chosen.draft().id();
        String base = chosen.draft().yaml();
        String edited = base.replace(chosen.draft().name() + ".example.com", "edited.example.com");
        assertThat(edited).isNotEqualTo(base);
        fx(() -> {
            vm.selectedProperty().set(chosen);
            worker.runAll(); // opening a draft changes nothing it depends on: no check
            return null;
        });
        assertThat(checksPerDraft.get(id)).hasValue(1);

        // The first edit's check is overtaken while it runs: the user reverts the edit, and that newer check
        // finishes first. The older one (MODIFIED) finishes last and must not replace the newer (UNCHANGED).
        duringCheck = d -> {
            if (d.yaml().equals(edited)) {
                duringCheck = x -> { };
                vm.editorProperty().get().textProperty().set(base);
                worker.runAll();
                assertThat(state(vm, id)).isEqualTo(DraftState.UNCHANGED);
            }
        };
        fx(() -> {
            vm.editorProperty().get().textProperty().set(edited);
            worker.runAll();
            return null;
        });

        assertThat(state(vm, id)).isEqualTo(DraftState.UNCHANGED);
        assertThat(item(vm, id).draft().yaml()).isEqualTo(base);
        assertThat(checksPerDraft.get(id)).hasValue(3);
        assertThat(checksPerDraft.entrySet()).filteredOn(e -> !e.getKey().equals(id))
                .allSatisfy(e -> assertThat(e.getValue()).hasValue(1));

        // A plain edit that is not overtaken shows its own state.
        fx(() -> {
            vm.editorProperty().get().textProperty().set(edited);
            worker.runAll();
            return null;
        });
        assertThat(state(vm, id)).isEqualTo(DraftState.MODIFIED);
        assertThat(checksPerDraft.get(id)).hasValue(4);
        assertThat(checksPerDraft.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(DRAFTS + 3);
    }

    /**
     * Apply all marks each draft applied while that draft's previous check may still be running: the late check of
     * the replaced version must not put that version back in the list (the drafts reminder then said "Applied 2 of
     * 5"), nor into the editor opened on it before the newer check ran.
     */
    @Test
    void aLateCheckOfAReplacedVersionDoesNotPutItBack() throws Exception {
        DraftStore store = new DraftStore(home.resolve("drafts"));
        String y1 = DraftTemplate.SIMPLE_HOST.render("shop", "web", "web.example.com", "web");
        String y2 = y1.replace("web.example.com", "two.example.com");
        String y3 = y1.replace("web.example.com", "three.example.com");
        String id = DraftStore.newId(TestCerts.NOW);
        store.save(new Draft(id, "shop", "web", y1, Optional.of(y1), Optional.of("1"), TestCerts.NOW.minusSeconds(60),
                Optional.empty(), DraftKind.INGRESS, "made by the migration"));
        DraftsViewModel vm = viewModel(store);
        DraftDesk desk = fx(() -> {
            worker.runAll();
            return vm.desk(() -> { }, () -> { });
        });
        // While the check of version 2 runs, version 3 replaces it (as Apply all's "applied" mark does).
        duringCheck = d -> {
            if (d.yaml().contains("two.example.com")) {
                duringCheck = x -> { };
                desk.keep(List.of(proposal(y3)));
            }
        };
        fx(() -> {
            desk.keep(List.of(proposal(y2)));
            while (checksPerDraft.get(id).get() < 2) {
                worker.run(0); // up to and including version 2's check, which delivers late
            }
            vm.selectedProperty().set(item(vm, id)); // the user opens the draft before version 3's check ran
            worker.runAll();
            return null;
        });
        assertThat(checksPerDraft.get(id).get()).as("version 2's check ran, then version 3's").isGreaterThanOrEqualTo(3);
        assertThat(item(vm, id).draft().yaml()).contains("three.example.com");
        assertThat(vm.editorProperty().get().draftProperty().get().yaml()).contains("three.example.com");
        assertThat(desk.drafts()).singleElement().satisfies(d -> assertThat(d.yaml()).contains("three.example.com"));
        assertThat(store.list()).singleElement().satisfies(d -> assertThat(d.yaml()).contains("three.example.com"));
    }

    /** The Drafts screen's view model on an empty cluster, its worker run by hand, its checks counted. */
    private DraftsViewModel viewModel(DraftStore store) throws Exception {
        RoutingService service = RoutingService.start(RoutingInput.fixed("test", InMemoryClusterView.empty(), Map.of()),
                ControllerProfile.ingressNginx(), CLOCK, TrustPolicy.fixed(TrustAnchors::none), Runnable::run,
                (delay, task) -> () -> { });
        return fx(() -> new DraftsViewModel(store, new BackupStore(home.resolve("backups")),
                new SimpleObjectProperty<ClusterSession>(), new SimpleObjectProperty<>(service.snapshot()),
                new SimpleObjectProperty<>(service), worker, CLOCK, counting));
    }

    private static DraftDesk.Proposal proposal(String yaml) {
        return new DraftDesk.Proposal(DraftChecks.parseObject(yaml).orElseThrow(), "made by the migration", true);
    }

    private static DraftItem item(DraftsViewModel vm, String id) {
        return vm.items().stream().filter(i -> i.draft().id().equals(id)).findFirst().orElseThrow();
    }

    private static DraftState state(DraftsViewModel vm, String id) {
        return item(vm, id).state();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
