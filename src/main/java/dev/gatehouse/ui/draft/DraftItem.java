package dev.gatehouse.ui.draft;

import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftState;

/**
 * A draft as the Drafts list shows it: the draft, where it stands against the cluster, and how many errors and
 * warnings the engine finds about it (draft layered over live).
 */
public record DraftItem(Draft draft, DraftState state, long problems) {

    /** Before the first check: the state a draft has on its own, no problems known. */
    public DraftItem(Draft draft, DraftState state) {
        this(draft, state, 0);
    }
}
