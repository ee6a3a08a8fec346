package dev.gatehouse.drafts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A local draft of one object (an Ingress, or a Gateway API object of a {@link DraftKind}): the YAML being edited and, when it was opened from the cluster,
 * the live object it was based on (its YAML and resourceVersion) — the base of a three-way
 * comparison and of the conditional write. Immutable; {@link DraftStore} persists it.
 *
 * @param id                  stable identifier (file name in the store)
 * @param namespace           the Ingress's namespace (as last parsed)
 * @param name                the Ingress's name (as last parsed)
 * @param yaml                the draft's current YAML text (may be invalid while typing)
 * @param baseYaml            the live object's YAML when the draft was opened, empty for a new Ingress
 * @param baseResourceVersion the live resourceVersion the draft is based on, empty for a new Ingress
 * @param updated             last edit
 * @param applied             when it was last applied to the cluster, if ever
 * @param kind                what the draft holds (as last parsed; fixed for a draft of a live object)
 * @param note                where the draft came from, in words (e.g. the Ingresses a migrated route replaces);
 *                            empty for a draft the user started
 */
public record Draft(String id, String namespace, String name, String yaml, Optional<String> baseYaml,
                    Optional<String> baseResourceVersion, Instant updated, Optional<Instant> applied, DraftKind kind,
                    String note) {

    public Draft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(yaml, "yaml");
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
        kind = kind == null ? DraftKind.INGRESS : kind;
        note = note == null ? "" : note;
    }

    /** A draft without a note. */
    public Draft(String id, String namespace, String name, String yaml, Optional<String> baseYaml,
                 Optional<String> baseResourceVersion, Instant updated, Optional<Instant> applied, DraftKind kind) {
        this(id, namespace, name, yaml, baseYaml, baseResourceVersion, updated, applied, kind, "");
    }

    /** A draft of an Ingress. */
    public Draft(String id, String namespace, String name, String yaml, Optional<String> baseYaml,
                 Optional<String> baseResourceVersion, Instant updated, Optional<Instant> applied) {
        this(id, namespace, name, yaml, baseYaml, baseResourceVersion, updated, applied, DraftKind.INGRESS);
    }

    public boolean isNew() {
        return baseResourceVersion.isEmpty();
    }

    /** {@code shop/web} for an Ingress, {@code HTTPRoute web/storefront} for the other kinds. */
    public String displayName() {
        String path = (namespace.isEmpty() ? "?" : namespace) + "/" + (name.isEmpty() ? "(unnamed)" : name);
        return kind == DraftKind.INGRESS ? path : kind.kind() + " " + path;
    }

    public Draft withYaml(String text, String ns, String n, Instant now) {
        return withYaml(text, ns, n, null, now);
    }

    /** The text edited; namespace, name and kind as parsed from it (null: unchanged). */
    public Draft withYaml(String text, String ns, String n, DraftKind k, Instant now) {
        DraftKind next = k == null || !isNew() ? kind : k;
        return new Draft(id, ns == null ? namespace : ns, n == null ? name : n, text, baseYaml, baseResourceVersion, now,
                applied, next, note);
    }

    /** The same draft with another note. */
    public Draft withNote(String text) {
        return new Draft(id, namespace, name, yaml, baseYaml, baseResourceVersion, updated, applied, kind, text);
    }

    /** After an apply: the written object becomes the new base. */
    public Draft appliedAs(String liveYaml, String resourceVersion, Instant now) {
        return new Draft(id, namespace, name, yaml, Optional.of(liveYaml), Optional.of(resourceVersion), now, Optional.of(now), kind,
                note);
    }

    /** After a rebase onto live: live becomes the base, the text is the merged one. */
    public Draft rebasedOnto(String liveYaml, String resourceVersion, String mergedYaml, Instant now) {
        return new Draft(id, namespace, name, mergedYaml, Optional.of(liveYaml), Optional.of(resourceVersion), now, applied, kind,
                note);
    }
}
