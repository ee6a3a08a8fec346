package dev.gatehouse.ui.migrate;

import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftKind;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.migrate.MigrationPlan;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.ui.common.form.DraftEditorViewModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The generated objects of one migration as the user edits them on the Migrate screen: one editor per object (the
 * same YAML ↔ form editor as a draft's, not saved anywhere until Save as drafts), which of them differ from what
 * was generated, and Revert to generated. FX thread only.
 */
public final class MigrateEdits {

    /** One generated object in the list: its plan key, its name and whether it was edited. */
    public record Row(String key, String object, boolean edited) {
        @Override
        public String toString() {
            return (edited ? "● " : "") + object + (edited ? "  (edited)" : "");
        }
    }

    private final Clock clock;
    private final Runnable edited;
    private final Map<String, DraftEditorViewModel> editors = new LinkedHashMap<>();
    private final Map<String, String> generated = new LinkedHashMap<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private boolean loading;
    private MigrationResult result;

    /** @param edited called after every edit by the user (an edit in place, a revert), not after {@link #load} */
    MigrateEdits(Clock clock, Runnable edited) {
        this.clock = clock;
        this.edited = edited;
    }

    /** A new migration: an editor per generated object, in the plan's order, all as generated. */
    void reset(MigrationResult result) {
        this.result = result;
        editors.clear();
        generated.clear();
        int n = 0;
        for (HasMetadata o : result.plan().objects()) {
            String key = MigrationPlan.key(o);
            generated.put(key, ObjectYaml.forDiff(o));
            DraftKind kind = DraftKind.of(o).orElseThrow(() -> new IllegalArgumentException(o.getKind()
                    + " cannot be edited"));
            Draft d = new Draft("migrate-" + n++, o.getMetadata().getNamespace(), o.getMetadata().getName(),
                    DraftYaml.toYaml(o), Optional.empty(), Optional.empty(), clock.instant(), Optional.empty(), kind);
            DraftEditorViewModel editor = new DraftEditorViewModel(d, x -> { }, clock);
            editor.draftProperty().addListener((obs, a, b) -> {
                if (!loading) {
                    refreshRows();
                    edited.run();
                }
            });
            editors.put(key, editor);
        }
        refreshRows();
    }

    /** The editor of one generated object. */
    Optional<DraftEditorViewModel> editor(String key) {
        return Optional.ofNullable(editors.get(key));
    }

    /** Puts the generated object back into its editor (an edit: the diff runs again). */
    void revert(String key) {
        DraftEditorViewModel e = editors.get(key);
        HasMetadata original = e == null ? null : originalOf(key);
        if (original != null) {
            Draft d = e.draftProperty().get();
            e.replace(d.withYaml(DraftYaml.toYaml(original), d.namespace(), d.name(), clock.instant()));
        }
    }

    private HasMetadata originalOf(String key) {
        return result == null ? null : result.plan().objects().stream().filter(o -> MigrationPlan.key(o).equals(key))
                .findFirst().orElse(null);
    }

    /** Shows a text that came from elsewhere (the object's draft, edited on the Drafts screen): not an edit here. */
    void load(String key, String yaml) {
        DraftEditorViewModel e = editors.get(key);
        if (e == null || e.textProperty().get().equals(yaml)) {
            return;
        }
        loading = true;
        try {
            Draft d = e.draftProperty().get();
            e.replace(d.withYaml(yaml, d.namespace(), d.name(), clock.instant()));
        } finally {
            loading = false;
        }
        refreshRows();
    }

    /** Whether the object's text differs from what was generated (formatting aside; invalid text is an edit). */
    boolean edited(String key) {
        DraftEditorViewModel e = editors.get(key);
        return e != null && !e.object().map(ObjectYaml::forDiff).equals(Optional.ofNullable(generated.get(key)));
    }

    /** The keys of the edited objects, in the plan's order. */
    List<String> editedKeys() {
        return editors.keySet().stream().filter(this::edited).toList();
    }

    /** The first object whose YAML is not valid, as "HTTPRoute shop/web: line 3: …". */
    Optional<String> problem() {
        for (DraftEditorViewModel e : editors.values()) {
            if (!e.parseProblemProperty().get().isEmpty()) {
                return Optional.of(e.draftProperty().get().displayName() + ": " + e.parseProblemProperty().get());
            }
        }
        return Optional.empty();
    }

    /**
     * The objects as edited, in the plan's order.
     *
     * @throws IllegalArgumentException naming the object whose YAML is not valid
     */
    List<HasMetadata> objects() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new IllegalArgumentException("The YAML of " + problem.get() + " — fix it and the diff runs again;"
                    + " the diff shown is the last good one.");
        }
        List<HasMetadata> out = new ArrayList<>();
        editors.values().forEach(e -> e.object().ifPresent(out::add));
        return out;
    }

    /** The edited objects' texts (plan key → normalised YAML), to compare with their drafts. */
    Map<String, String> normalised() {
        Map<String, String> out = new LinkedHashMap<>();
        editors.forEach((k, e) -> e.object().ifPresent(o -> out.put(k, ObjectYaml.forDiff(o))));
        return out;
    }

    /** "HTTPRoute shop/web edited; 4 as generated" */
    String describe() {
        List<String> names = editedKeys().stream().map(k -> editors.get(k).draftProperty().get().displayName()).toList();
        int rest = editors.size() - names.size();
        return names.isEmpty() ? "all " + editors.size() + " as generated"
                : String.join(", ", names) + " edited" + (rest > 0 ? "; " + rest + " as generated" : "");
    }

    private void refreshRows() {
        List<Row> out = new ArrayList<>();
        editors.forEach((k, e) -> out.add(new Row(k, e.draftProperty().get().displayName(), edited(k))));
        if (!out.equals(rows)) {
            rows.setAll(out);
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
