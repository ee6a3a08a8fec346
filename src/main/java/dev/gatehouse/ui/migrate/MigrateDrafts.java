package dev.gatehouse.ui.migrate;

import dev.gatehouse.cluster.write.ObjectYaml;
import dev.gatehouse.drafts.Draft;
import dev.gatehouse.drafts.DraftYaml;
import dev.gatehouse.migrate.MigrationPlan;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.ui.common.DraftDesk;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The drafts of one migration: every generated object kept as a draft (named after the object, with a note naming
 * the Ingresses it came from), the drafts as they are now (the Gateway side of a re-run diff), which versions the
 * last diff compared, and how far the apply got. FX thread only.
 */
public final class MigrateDrafts {

    /** One generated object and its draft, as the Drafts tab lists it. */
    public record Row(String object, String draftId, String version, String state) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final DraftDesk desk;
    private final Clock clock;
    /** Plan key ({@link MigrationPlan#key}) → draft id, in the plan's order. */
    private final Map<String, String> linked = new LinkedHashMap<>();
    private final Map<String, String> generatedYaml = new LinkedHashMap<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper reminder = new ReadOnlyStringWrapper("");
    private MigrationResult generated;
    private Map<String, String> compared = Map.of();
    private final Map<String, String> normalised = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 64;
        }
    };

    MigrateDrafts(DraftDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    /** A new migration: nothing is linked until it is saved as drafts. */
    void reset(MigrationResult result) {
        generated = result;
        linked.clear();
        generatedYaml.clear();
        compared = Map.of();
        result.plan().objects().forEach(o -> generatedYaml.put(MigrationPlan.key(o), ObjectYaml.forDiff(o)));
        refresh();
    }

    boolean saved() {
        return !linked.isEmpty();
    }

    /**
     * The drafts of the generated objects that saving {@code toSave} (plan key → normalised YAML, the objects as
     * edited on the Migrate screen) would overwrite because they were edited on the Drafts screen.
     */
    List<String> edited(Map<String, String> toSave) {
        if (generated == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (HasMetadata o : generated.plan().objects()) {
            String key = MigrationPlan.key(o);
            String draftId = linked.get(key);
            desk.drafts().stream().filter(d -> draftId != null ? d.id().equals(draftId) : sameObject(d, o) && !d.note().isEmpty())
                    .filter(d -> !normalised(d.yaml()).equals(generatedYaml.get(key))
                            && !normalised(d.yaml()).equals(toSave.get(key)))
                    .findFirst().ifPresent(d -> out.add(d.displayName()));
        }
        return out;
    }

    /**
     * Keeps the objects as drafts (updating the drafts saved before); returns how many.
     *
     * @param objects plan key of the generated object → the object as edited, in the plan's order
     */
    int save(Map<String, HasMetadata> objects) {
        MigrationPlan plan = generated.plan();
        String gatewayKey = MigrationPlan.key(plan.gateway());
        List<String> keys = new ArrayList<>(objects.keySet());
        List<DraftDesk.Proposal> proposals = keys.stream().map(k -> new DraftDesk.Proposal(objects.get(k),
                note(plan, objects.get(k)), plan.extendsExisting() && k.equals(gatewayKey))).toList();
        List<Draft> kept = desk.keep(proposals);
        linked.clear();
        for (int i = 0; i < kept.size(); i++) {
            linked.put(keys.get(i), kept.get(i).id());
        }
        refresh();
        return kept.size();
    }

    /** Plan key → the draft's text now, for the objects whose draft differs from {@code shown} (normalised). */
    Map<String, String> changedDrafts(Map<String, String> shown) {
        Map<String, Draft> byId = byId();
        Map<String, String> out = new LinkedHashMap<>();
        linked.forEach((key, id) -> {
            Draft d = byId.get(id);
            if (d != null && !normalised(d.yaml()).equals(shown.get(key))) {
                out.put(key, d.yaml());
            }
        });
        return out;
    }

    /** The drafts of this migration still kept, in the plan's order (Gateway first): what Apply all applies. */
    List<String> draftIds() {
        Map<String, Draft> byId = byId();
        return linked.values().stream().filter(byId::containsKey).toList();
    }

    DraftDesk desk() {
        return desk;
    }

    /** "Migrated from Ingress shop/web; it stays untouched: delete it yourself once the new routes serve it." */
    static String note(MigrationPlan plan, HasMetadata object) {
        List<String> from = plan.sourcesOf(object).stream().map(ObjectRef::path).toList();
        return from.size() == 1
                ? "Migrated from Ingress " + from.get(0) + ". It stays untouched: delete it yourself once the new routes serve its traffic."
                : "Migrated from Ingresses " + String.join(", ", from)
                        + ". They stay untouched: delete them yourself once the new routes serve their traffic.";
    }

    /** The drafts' texts as they are now (draft id → YAML, empty for a discarded draft), in the plan's order. */
    Map<String, String> versions() {
        Map<String, Draft> byId = byId();
        Map<String, String> versions = new LinkedHashMap<>();
        linked.values().forEach(id -> versions.put(id, byId.containsKey(id) ? byId.get(id).yaml() : ""));
        return versions;
    }

    /** The drafts' names as the Drafts screen shows them (draft id → "HTTPRoute shop/web"). */
    Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        byId().forEach((id, d) -> names.put(id, d.displayName()));
        return names;
    }

    /**
     * The Gateway-side objects of these versions (a discarded draft is left out); runs off the FX thread.
     *
     * @param names the drafts' names, for the message
     * @throws IllegalArgumentException naming the draft whose YAML is not valid
     */
    static List<HasMetadata> objects(Map<String, String> versions, Map<String, String> names) {
        List<HasMetadata> objects = new ArrayList<>();
        DraftYaml parser = new DraftYaml();
        for (Map.Entry<String, String> v : versions.entrySet()) {
            if (v.getValue().isEmpty()) {
                continue;
            }
            DraftYaml.Parsed parsed = parser.parse(v.getValue());
            if (parsed instanceof DraftYaml.Valid valid) {
                objects.add(valid.object());
            } else {
                throw new IllegalArgumentException("The YAML of the draft " + names.getOrDefault(v.getKey(), v.getKey())
                        + " is not valid (" + ((DraftYaml.Invalid) parsed).summary() + "): fix it and the diff runs again.");
            }
        }
        return objects;
    }

    /** The drafts changed since the last diff was asked for. */
    boolean changedSinceCompared() {
        return saved() && !versions().equals(compared);
    }

    /** The diff about to run compares these versions. */
    void comparing(Map<String, String> versions) {
        compared = versions;
    }

    /** "Diff of the drafts at 12:03:05: HTTPRoute shop/web edited 12:03:05; 5 others as generated." */
    String describe() {
        Map<String, Draft> byId = byId();
        List<String> edited = new ArrayList<>();
        int asGenerated = 0;
        int gone = 0;
        for (Map.Entry<String, String> link : linked.entrySet()) {
            Draft d = byId.get(link.getValue());
            if (d == null) {
                gone++;
            } else if (normalised(d.yaml()).equals(generatedYaml.get(link.getKey()))) {
                asGenerated++;
            } else {
                edited.add(d.displayName() + " edited " + time(d));
            }
        }
        String at = TIME.withZone(clock.getZone()).format(clock.instant());
        StringBuilder s = new StringBuilder("Diff of the " + linked.size() + " drafts as of " + at + ": ");
        s.append(edited.isEmpty() ? "all as generated" : String.join("; ", edited)
                + (asGenerated > 0 ? "; " + asGenerated + " as generated" : ""));
        if (gone > 0) {
            s.append("; ").append(gone).append(gone == 1 ? " draft was discarded (left out)" : " drafts were discarded (left out)");
        }
        return s.append('.').toString();
    }

    /** The next draft of this migration not applied yet, in the plan's order (Gateway first). */
    Optional<String> nextToApply() {
        Map<String, Draft> byId = byId();
        return linked.values().stream().filter(byId::containsKey).filter(id -> byId.get(id).applied().isEmpty()).findFirst();
    }

    void apply(String draftId) {
        desk.apply(draftId);
    }

    void open(String draftId) {
        desk.open(draftId);
    }

    /** The Drafts tab rows and the reminder, from the drafts as they are now. */
    void refresh() {
        Map<String, Draft> byId = byId();
        List<Row> out = new ArrayList<>();
        int applied = 0;
        for (Map.Entry<String, String> link : linked.entrySet()) {
            Draft d = byId.get(link.getValue());
            String object = link.getKey().replaceFirst("/", " ");
            if (d == null) {
                out.add(new Row(object, link.getValue(), "", "discarded"));
                continue;
            }
            boolean asGenerated = normalised(d.yaml()).equals(generatedYaml.get(link.getKey()));
            out.add(new Row(d.displayName(), d.id(), (asGenerated ? "as generated, " : "edited, ") + time(d),
                    d.applied().isPresent() ? "applied " + TIME.withZone(clock.getZone()).format(d.applied().get()) : "draft"));
            applied += d.applied().isPresent() ? 1 : 0;
        }
        rows.setAll(out);
        reminder.set(applied == 0 ? "" : (applied == linked.size() ? "All " + applied + " drafts are applied. "
                : "Applied " + applied + " of " + linked.size() + " drafts (Apply… opens the next one). ")
                + "The new routes replace " + replacedText() + ": " + (generated.plan().converted().size() == 1
                ? "that Ingress is untouched — delete it yourself once the Gateway serves its traffic."
                : "those Ingresses are untouched — delete them yourself once the Gateway serves their traffic."));
    }

    private String replacedText() {
        List<String> names = generated.plan().converted().stream().map(ObjectRef::path).sorted().toList();
        return (names.size() == 1 ? "Ingress " : "Ingresses ") + String.join(", ", names);
    }

    private String time(Draft d) {
        return TIME.withZone(clock.getZone()).format(d.updated());
    }

    private Map<String, Draft> byId() {
        return desk.drafts().stream().collect(Collectors.toMap(Draft::id, d -> d, (a, b) -> a));
    }

    private static boolean sameObject(Draft d, HasMetadata o) {
        return d.kind().kind().equals(o.getKind()) && d.namespace().equals(ObjectRef.namespaceOf(o))
                && d.name().equals(o.getMetadata().getName());
    }

    /**
     * A draft's object as the generated one is compared: formatting, and the server's fields an apply brings
     * (resourceVersion, uid, status), are not an edit.
     */
    private String normalised(String yaml) {
        return normalised.computeIfAbsent(yaml, y -> new DraftYaml().parse(y) instanceof DraftYaml.Valid v
                ? ObjectYaml.forDiff(v.object()) : y);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty reminderProperty() {
        return reminder.getReadOnlyProperty();
    }
}
