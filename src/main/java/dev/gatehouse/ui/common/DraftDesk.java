package dev.gatehouse.ui.common;

import dev.gatehouse.cluster.Subscription;
import dev.gatehouse.drafts.Draft;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

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
}
