package dev.gatehouse.ui.draft;

import dev.gatehouse.ui.common.form.DraftEditorViewModel;
import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftKind;
import dev.gatehouse.drafts.DraftState;
import dev.gatehouse.drafts.DraftStore;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.ui.common.DraftDesk;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;

/**
 * The Drafts screen's drafts as {@link DraftDesk}: other screens keep objects as drafts through the same store,
 * checks and editor as Open as draft / Edit as draft, and apply through the Drafts screen's own safe apply.
 */
final class DraftsDesk implements DraftDesk {
    private final DraftsViewModel vm;
    private final Clock clock;
    private final Runnable showDrafts;
    private final Runnable startApply;
    private final DraftsBatchApply batch;

    DraftsDesk(DraftsViewModel vm, Clock clock, Executor worker, Runnable showDrafts, Runnable startApply) {
        this.vm = vm;
        this.clock = clock;
        this.showDrafts = showDrafts;
        this.startApply = startApply;
        this.batch = new DraftsBatchApply(vm, clock, worker, this::replace);
    }

    @Override
    public List<Draft> keep(List<Proposal> proposals) {
        List<Draft> out = new ArrayList<>();
        for (Proposal p : proposals) {
            HasMetadata object = p.object();
            DraftKind kind = DraftKind.of(object).orElseThrow(() -> new IllegalArgumentException(
                    object.getKind() + " cannot be held by a draft"));
            String ns = object.getMetadata().getNamespace();
            String name = object.getMetadata().getName();
            String yaml = DraftYaml.toYaml(object);
            Instant now = clock.instant();
            Optional<Draft> existing = drafts().stream().filter(d -> d.kind() == kind && d.namespace().equals(ns)
                    && d.name().equals(name) && !d.note().isEmpty()).findFirst();
            Draft d;
            if (existing.isPresent()) {
                d = existing.get().withYaml(yaml, ns, name, kind, now).withNote(p.note());
                replace(d);
            } else {
                Optional<HasMetadata> live = p.updatesLive() ? vm.live(kind, ns, name) : Optional.empty();
                d = new Draft(DraftStore.newId(now), ns, name, yaml, live.map(DraftYaml::toYaml),
                        live.map(l -> l.getMetadata().getResourceVersion()), now, Optional.empty(), kind, p.note());
                vm.save(d);
                vm.items().add(0, new DraftItem(d, d.isNew() ? DraftState.NEW : DraftState.MODIFIED));
                vm.check(d);
            }
            out.add(d);
        }
        return out;
    }

    private void replace(Draft d) {
        DraftEditorViewModel e = vm.editorProperty().get();
        if (e != null && e.draftProperty().get().id().equals(d.id())) {
            e.replace(d); // the open editor shows it; it is saved now too, not after the editor's save delay
        }
        vm.save(d);
        for (int i = 0; i < vm.items().size(); i++) {
            DraftItem item = vm.items().get(i);
            if (item.draft().id().equals(d.id())) {
                vm.items().set(i, new DraftItem(d, item.state(), item.problems()));
            }
        }
        vm.check(d);
    }

    @Override
    public List<Draft> drafts() {
        DraftEditorViewModel e = vm.editorProperty().get();
        Draft open = e == null ? null : e.draftProperty().get();
        return vm.items().stream().map(DraftItem::draft)
                .map(d -> open != null && open.id().equals(d.id()) ? open : d).toList();
    }

    @Override
    public Subscription onChange(Runnable listener) {
        ListChangeListener<DraftItem> items = c -> listener.run();
        ChangeListener<Draft> edits = (o, a, b) -> listener.run();
        ChangeListener<DraftEditorViewModel> editors = (o, a, b) -> {
            if (a != null) {
                a.draftProperty().removeListener(edits);
            }
            if (b != null) {
                b.draftProperty().addListener(edits);
            }
        };
        vm.items().addListener(items);
        vm.editorProperty().addListener(editors);
        editors.changed(vm.editorProperty(), null, vm.editorProperty().get());
        return () -> {
            vm.items().removeListener(items);
            vm.editorProperty().removeListener(editors);
            editors.changed(vm.editorProperty(), vm.editorProperty().get(), null);
        };
    }

    @Override
    public void open(String draftId) {
        showDrafts.run();
        vm.items().stream().filter(i -> i.draft().id().equals(draftId)).findFirst().ifPresent(i -> vm.selectedProperty().set(i));
    }

    @Override
    public void apply(String draftId) {
        open(draftId);
        DraftEditorViewModel e = vm.editorProperty().get();
        if (e != null && e.draftProperty().get().id().equals(draftId)) {
            startApply.run();
        }
    }

    @Override
    public CompletableFuture<Plan> prepareApply(List<String> draftIds) {
        return batch.prepare(drafts(), draftIds);
    }

    @Override
    public CompletableFuture<Outcome> applyAll(Plan plan) {
        return batch.apply(drafts(), plan);
    }
}
