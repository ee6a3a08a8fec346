package dev.gatehouse.drafts;

/** Where a draft stands against the cluster, as the Drafts list shows it. */
public enum DraftState {
    /** Creates an Ingress that does not exist (yet). */
    NEW("new"),
    /** Differs from the live object it was based on. */
    MODIFIED("modified"),
    /** The live object changed since the draft was based on it: applying needs a rebase. */
    CONFLICTING("conflicting with live"),
    /** Equal to what is live (after an apply, or nothing changed yet). */
    APPLIED("applied"),
    /** Same as its base and never applied. */
    UNCHANGED("unchanged");

    private final String label;

    DraftState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @param draft               the draft
     * @param liveResourceVersion the live object's resourceVersion, empty when it does not exist
     * @param sameAsBase          whether the draft's object equals its base (ignoring server fields)
     */
    public static DraftState of(Draft draft, java.util.Optional<String> liveResourceVersion, boolean sameAsBase) {
        if (draft.isNew()) {
            return liveResourceVersion.isPresent() ? CONFLICTING : NEW;
        }
        if (liveResourceVersion.isPresent() && !liveResourceVersion.equals(draft.baseResourceVersion())) {
            return CONFLICTING;
        }
        if (sameAsBase) {
            return draft.applied().isPresent() ? APPLIED : UNCHANGED;
        }
        return MODIFIED;
    }
}
