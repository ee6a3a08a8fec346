package dev.gatehouse.ui.draft;

import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.cluster.write.SafeWriter;
import dev.gatehouse.cluster.write.WriteResult;
import dev.gatehouse.cluster.write.YamlDiff;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftKind;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.session.DraftChecks;
import dev.gatehouse.ui.common.DraftDesk;
import dev.gatehouse.ui.common.FxBackground;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Apply all: several drafts through the same safe write as the Drafts screen's Apply… — each dry-run on the server
 * and diffed against what is live first, then (after one confirmation, which the caller asks) each backed up and
 * written conditioned on its base resourceVersion, in order, stopping at the first conflict or refusal. No second
 * write path: {@link SafeWriter} does every write.
 */
final class DraftsBatchApply {
    private final DraftsViewModel vm;
    private final Clock clock;
    private final Executor worker;
    private final Consumer<Draft> replace;

    /** @param replace puts a changed draft back (its list entry, the editor when open, the store) on the FX thread */
    DraftsBatchApply(DraftsViewModel vm, Clock clock, Executor worker, Consumer<Draft> replace) {
        this.vm = vm;
        this.clock = clock;
        this.worker = worker;
        this.replace = replace;
    }

    /** A draft to write: the draft as it is now and its object (null when its YAML is not valid). */
    private record Item(Draft draft, HasMetadata object, Optional<HasMetadata> live) {
    }

    /** Reads the drafts on the FX thread, dry-runs them on a worker. */
    CompletableFuture<DraftDesk.Plan> prepare(List<Draft> drafts, List<String> ids) {
        Optional<SafeWriter> writer = vm.writer();
        List<Item> items = items(drafts, ids);
        if (writer.isEmpty()) {
            return CompletableFuture.completedFuture(new DraftDesk.Plan(List.of(), List.of("Not connected to a cluster")));
        }
        return CompletableFuture.supplyAsync(() -> {
            List<DraftDesk.Step> steps = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Item i : items) {
                String name = i.draft().displayName();
                if (i.object() == null) {
                    problems.add(name + ": the YAML is not valid");
                    continue;
                }
                WriteResult r = writer.get().dryRun(i.object(), i.draft().baseResourceVersion());
                if (!(r instanceof WriteResult.Validated)) {
                    problems.add(name + ": " + r.message());
                    continue;
                }
                String diff = YamlDiff.render(YamlDiff.diff(i.live().map(ObjectYaml::forDiff).orElse(""),
                        ObjectYaml.forDiff(i.object())));
                steps.add(new DraftDesk.Step(i.draft().id(), name, i.live().isEmpty(), diff.isBlank() ? "" : diff));
            }
            if (items.size() < ids.size()) {
                problems.add((ids.size() - items.size()) + " of the drafts were discarded");
            }
            return new DraftDesk.Plan(steps, problems);
        }, worker);
    }

    private List<Item> items(List<Draft> drafts, List<String> ids) {
        Map<String, Draft> byId = drafts.stream().collect(Collectors.toMap(Draft::id, d -> d, (a, b) -> a));
        List<Item> out = new ArrayList<>();
        for (String id : ids) {
            Draft d = byId.get(id);
            if (d != null) {
                out.add(new Item(d, DraftChecks.parseObject(d.yaml()).orElse(null),
                        vm.live(d.kind(), d.namespace(), d.name())));
            }
        }
        return out;
    }

    /** Writes the planned drafts in order on a worker; each written draft is marked applied on the FX thread. */
    CompletableFuture<DraftDesk.Outcome> apply(List<Draft> drafts, DraftDesk.Plan plan) {
        Optional<SafeWriter> writer = vm.writer();
        if (!plan.ok() || writer.isEmpty()) {
            return CompletableFuture.completedFuture(new DraftDesk.Outcome(List.of(), writer.isEmpty()
                    ? "Not connected to a cluster" : "Nothing to apply: " + String.join("; ", plan.problems())));
        }
        List<Item> items = items(drafts, plan.steps().stream().map(DraftDesk.Step::draftId).toList());
        return CompletableFuture.supplyAsync(() -> {
            List<String> written = new ArrayList<>();
            for (Item i : items) {
                WriteResult r = writer.get().apply(i.object(), i.draft().baseResourceVersion(),
                        "apply all: draft " + i.draft().displayName());
                if (!(r instanceof WriteResult.Written w)) {
                    return new DraftDesk.Outcome(written, i.draft().displayName() + ": " + r.message()
                            + (written.isEmpty() ? "" : " (the drafts before it are applied; nothing after it was written)"));
                }
                written.add(w.message());
                FxBackground.onFx(() -> applied(i.draft(), w));
            }
            return new DraftDesk.Outcome(written, "");
        }, worker).exceptionally(e -> new DraftDesk.Outcome(List.of(), "The apply failed: "
                + (e instanceof CompletionException && e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
    }

    private void applied(Draft d, WriteResult.Written w) {
        HasMetadata result = w.result();
        if (result == null || DraftKind.of(result).isEmpty()) {
            return;
        }
        vm.lastApplyProperty().set(w.backup());
        String liveYaml = DraftYaml.toYaml(result);
        var now = clock.instant();
        replace.accept(d.appliedAs(liveYaml, result.getMetadata().getResourceVersion(), now)
                .withYaml(liveYaml, d.namespace(), d.name(), now));
    }
}
