package dev.gatehouse.ui.draft;

import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftState;

/** A draft as the Drafts list shows it: the draft and where it stands against the cluster. */
public record DraftItem(Draft draft, DraftState state) {
}
