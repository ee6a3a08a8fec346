package dev.gatehouse.ui.common;

import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.drafts.Draft;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The session's drafts as another screen reaches them (the Drafts screen owns them; the wiring hands this out):
 * keep objects as drafts, read the drafts as they are now, follow their edits, and send one to the Drafts screen's
 * safe apply. Used on the FX thread.
 */
public interface DraftDesk {

    /**
     * One object to keep as a draft.
     *
     * @param object      the object (a kind a draft can hold)
     * @param note        where it came from, in words; drafts with a note are the ones {@link #keep} updates
     * @param updatesLive the object is a changed copy of a live one (an existing Gateway with listeners added): the
     *                    draft is based on the live object, so apply updates it instead of creating it
     */
    record Proposal(HasMetadata object, String note, boolean updatesLive) {
    }

    /**
     * A draft per proposal, in order: the draft of the same kind, namespace and name that carries a note is updated
     * (its text replaced, so saving twice makes no duplicate), else a new one is created. Saved to disk at once.
     */
    List<Draft> keep(List<Proposal> proposals);

    /** Every draft as it is now, the open one with its latest edits. */
    List<Draft> drafts();

    /** Calls {@code listener} on the FX thread whenever a draft is edited, added, applied or discarded. */
    Subscription onChange(Runnable listener);

    /** Opens the draft on the Drafts screen. */
    void open(String draftId);

    /** Opens the draft on the Drafts screen and starts its safe apply: dry run, diff, confirm, backup, write. */
    void apply(String draftId);

    /**
     * One draft of an apply of several, after its dry run.
     *
     * @param draftId the draft
     * @param object  "HTTPRoute shop/web"
     * @param creates true when nothing of that kind and name is live (the apply creates it), false when it changes one
     * @param diff    what is live → what the draft holds (empty: no difference)
     */
    record Step(String draftId, String object, boolean creates, String diff) {
    }

    /**
     * What an apply of several drafts will do: every draft's step when all dry runs passed, else why not (the
     * drafts named; nothing was written).
     */
    record Plan(List<Step> steps, List<String> problems) {
        public Plan {
            steps = List.copyOf(steps);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty() && !steps.isEmpty();
        }
    }

    /** What an apply of several drafts did, in order: one message per draft written, then the failure if any. */
    record Outcome(List<String> written, String failure) {
        public Outcome {
            written = List.copyOf(written);
        }

        public boolean complete() {
            return failure.isEmpty();
        }
    }

    /**
     * Step 1 of Apply all: the dry run and diff of every draft, in order, off the FX thread (the same server-side
     * dry run, conditioned on each draft's base resourceVersion, as a single apply). Completes on a worker thread.
     */
    CompletableFuture<Plan> prepareApply(List<String> draftIds);

    /**
     * Step 2 of Apply all, after one confirmation: each draft through the safe write (live backed up, write
     * conditioned on its base resourceVersion, a conflict stops the rest), in order; the drafts are marked applied.
     * Completes on a worker thread.
     */
    CompletableFuture<Outcome> applyAll(Plan plan);
}
