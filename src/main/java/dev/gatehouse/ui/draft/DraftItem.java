package dev.gatehouse.ui.draft;

import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftState;

/**
 * A draft as the Drafts list shows it: the draft, where it stands against the cluster, and how many errors and
 * warnings the engine finds about it (draft layered over live), {@value #UNCHECKED} until it is checked.
 */
public record DraftItem(Draft draft, DraftState state, long problems) {
    public static final long UNCHECKED = -1;

    /** Before the first check: the state a draft has on its own, problems not known yet. */
    public DraftItem(Draft draft, DraftState state) {
        this(draft, state, UNCHECKED);
    }

    /** "checking…", "no problems", "2 problems". */
    public String problemsText() {
        return problems == UNCHECKED ? "checking…" : problems == 0 ? "no problems"
                : problems + (problems == 1 ? " problem" : " problems");
    }
}
