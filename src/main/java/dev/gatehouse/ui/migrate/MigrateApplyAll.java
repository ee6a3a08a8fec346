package dev.gatehouse.ui.migrate;

import dev.gatehouse.ui.common.DraftDesk;
import dev.gatehouse.ui.common.FxBackground;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Apply all of a migration: the objects as edited are saved as drafts, every draft is dry-run and diffed
 * ({@link DraftDesk#prepareApply}), the View shows {@link #summary} and asks once, then every draft goes through the
 * Drafts screen's safe write ({@link DraftDesk#applyAll}: backup, conflict check, in order). FX thread only.
 */
final class MigrateApplyAll {
    private final MigrateDrafts drafts;
    private final BooleanSupplier save;
    private final Consumer<String> message;

    /**
     * @param save    saves the objects as edited as drafts (false when one is not valid: nothing is applied)
     * @param message shows where the apply got
     */
    MigrateApplyAll(MigrateDrafts drafts, BooleanSupplier save, Consumer<String> message) {
        this.drafts = drafts;
        this.save = save;
        this.message = message;
    }

    /** Saves as drafts, then dry-runs them all; completes on the FX thread (null when nothing could be saved). */
    CompletableFuture<DraftDesk.Plan> prepare() {
        if (!save.getAsBoolean()) {
            return CompletableFuture.completedFuture(null);
        }
        message.accept("Apply all: dry run of " + drafts.draftIds().size() + " drafts …");
        CompletableFuture<DraftDesk.Plan> onFx = new CompletableFuture<>();
        drafts.desk().prepareApply(drafts.draftIds()).whenComplete((plan, e) -> FxBackground.onFx(() -> {
            if (e != null) {
                message.accept("Apply all: the dry run failed: " + e.getMessage());
                onFx.complete(null);
                return;
            }
            message.accept(plan.ok() ? "Apply all: dry run passed, confirm to apply." : "Apply all refused by the dry run: "
                    + String.join("; ", plan.problems()));
            onFx.complete(plan);
        }));
        return onFx;
    }

    /** Writes every draft of the confirmed plan; completes on the FX thread. */
    CompletableFuture<DraftDesk.Outcome> apply(DraftDesk.Plan plan) {
        message.accept("Apply all: writing " + plan.steps().size() + " objects (each backed up first) …");
        CompletableFuture<DraftDesk.Outcome> onFx = new CompletableFuture<>();
        drafts.desk().applyAll(plan).whenComplete((outcome, e) -> FxBackground.onFx(() -> {
            DraftDesk.Outcome o = e != null ? new DraftDesk.Outcome(List.of(), e.getMessage()) : outcome;
            message.accept(o.complete() ? "Apply all: " + o.written().size() + " objects applied." : "Apply all stopped: "
                    + o.failure());
            drafts.refresh();
            onFx.complete(o);
        }));
        return onFx;
    }

    /** What the confirmation shows: what will be created and changed, the Ingresses replaced, then each diff. */
    static String summary(DraftDesk.Plan plan, List<String> replaced) {
        List<String> create = plan.steps().stream().filter(DraftDesk.Step::creates).map(DraftDesk.Step::object).toList();
        List<String> change = plan.steps().stream().filter(s -> !s.creates()).map(DraftDesk.Step::object).toList();
        StringBuilder s = new StringBuilder();
        s.append("Will create (").append(create.size()).append("): ").append(create.isEmpty() ? "nothing" : String.join(", ", create));
        s.append("\nWill change (").append(change.size()).append("): ").append(change.isEmpty() ? "nothing" : String.join(", ", change));
        s.append("\n\nThe new routes replace ").append(replaced.size() == 1 ? "Ingress " : "Ingresses ")
                .append(String.join(", ", replaced)).append(": they stay untouched — delete them yourself once the"
                        + " Gateway serves their traffic.\nEvery object is dry-run (passed), backed up and written only if"
                        + " it did not change meanwhile.\n");
        for (DraftDesk.Step step : plan.steps()) {
            s.append("\n── ").append(step.object()).append(step.creates() ? " (new)" : " (changed)").append('\n')
                    .append(step.diff().isEmpty() ? "(no difference from what is live)\n" : step.diff());
        }
        return s.toString();
    }
}
