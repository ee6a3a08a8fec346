package dev.gatehouse.migrate;

import java.util.List;

/**
 * Everything one migration produced: the plan (objects, provenance, notes), its YAML, the behavioural diff and
 * the corpus it ran. Immutable; screens and the CLI render it.
 *
 * @param request the request migrated
 * @param plan    the intermediate model
 * @param yaml    the emitted YAML
 * @param diff    the behavioural diff
 * @param corpus  the requests compared
 */
public record MigrationResult(MigrationRequest request, MigrationPlan plan, String yaml, DiffReport diff,
                              List<Probe> corpus) {

    public MigrationResult {
        corpus = List.copyOf(corpus);
    }

    /** The notes of annotations that do not carry over. */
    public List<ConversionNote> notConverted() {
        return plan.notes().stream().filter(n -> n.status() == ConversionNote.Status.NOT_CONVERTED
                || n.status() == ConversionNote.Status.PARTIAL).toList();
    }
}
