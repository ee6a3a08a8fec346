package dev.gatehouse.certmanager;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One cert-manager object (Certificate, CertificateRequest, Issuer, ClusterIssuer, Order, Challenge) read as
 * a generic resource: typed access to the few fields the renewal story needs. Missing or mistyped fields read
 * as empty, never as an error — these objects come from clusters of every cert-manager version.
 *
 * @param kind the object's kind
 * @param raw  the object
 */
public record CmObject(String kind, GenericKubernetesResource raw) {

    public CmObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(raw, "raw");
    }

    public String name() {
        return raw.getMetadata() == null || raw.getMetadata().getName() == null ? "" : raw.getMetadata().getName();
    }

    /** The namespace; empty for a ClusterIssuer. */
    public String namespace() {
        return raw.getMetadata() == null || raw.getMetadata().getNamespace() == null ? ""
                : raw.getMetadata().getNamespace();
    }

    /** {@code Kind namespace/name}, or {@code Kind name} for cluster-scoped objects. */
    public String display() {
        return kind + " " + (namespace().isEmpty() ? name() : namespace() + "/" + name());
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(raw.getMetadata() == null ? null : raw.getMetadata().getAnnotations())
                .map(a -> a.get(key)).filter(v -> !v.isBlank());
    }

    public Optional<String> label(String key) {
        return Optional.ofNullable(raw.getMetadata() == null ? null : raw.getMetadata().getLabels())
                .map(a -> a.get(key)).filter(v -> !v.isBlank());
    }

    /** Whether an owner reference names {@code owner} (by uid when both have one, else by kind and name). */
    public boolean ownedBy(CmObject owner) {
        List<OwnerReference> refs = raw.getMetadata() == null ? null : raw.getMetadata().getOwnerReferences();
        if (refs == null) {
            return false;
        }
        String uid = owner.raw.getMetadata() == null ? null : owner.raw.getMetadata().getUid();
        return refs.stream().anyMatch(r -> uid != null && r.getUid() != null && !r.getUid().isBlank()
                ? uid.equals(r.getUid())
                : owner.kind.equals(r.getKind()) && owner.name().equals(r.getName()));
    }

    public Optional<Instant> created() {
        return raw.getMetadata() == null ? Optional.empty() : instant(raw.getMetadata().getCreationTimestamp());
    }

    /** A string field by path, e.g. {@code text("spec", "secretName")}. */
    public Optional<String> text(String... path) {
        Object value = at(path);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value)).filter(s -> !s.isBlank());
    }

    /** A time field (RFC 3339) by path. */
    public Optional<Instant> time(String... path) {
        return text(path).flatMap(CmObject::instant);
    }

    /** A list-of-strings field by path. */
    public List<String> texts(String... path) {
        return at(path) instanceof List<?> list ? list.stream().filter(Objects::nonNull).map(String::valueOf).toList()
                : List.of();
    }

    /** Whether a map field exists at the path (e.g. {@code spec.acme}). */
    public boolean has(String... path) {
        return at(path) != null;
    }

    /** {@code status.conditions}. */
    public List<Condition> conditions() {
        if (!(at("status", "conditions") instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> Condition.of((Map<?, ?>) m)).toList();
    }

    public Optional<Condition> condition(String type) {
        return conditions().stream().filter(c -> c.type().equals(type)).findFirst();
    }

    private Object at(String... path) {
        Object node = raw.getAdditionalProperties();
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * One status condition.
     *
     * @param type    Ready, Issuing, Approved, Denied, InvalidRequest, …
     * @param status  True, False or Unknown
     * @param reason  the machine reason, may be empty
     * @param message the controller's sentence, may be empty
     * @param since   lastTransitionTime
     */
    public record Condition(String type, String status, String reason, String message, Optional<Instant> since) {

        static Condition of(Map<?, ?> map) {
            return new Condition(str(map.get("type")), str(map.get("status")), str(map.get("reason")),
                    str(map.get("message")), instant(str(map.get("lastTransitionTime"))));
        }

        private static String str(Object o) {
            return o == null ? "" : String.valueOf(o);
        }

        public boolean isTrue() {
            return "True".equalsIgnoreCase(status);
        }

        public boolean isFalse() {
            return "False".equalsIgnoreCase(status);
        }

        /** {@code Ready=False (Pending): message}. */
        public String describe() {
            return type + "=" + status + (reason.isEmpty() ? "" : " (" + reason + ")") + (message.isEmpty() ? ""
                    : ": " + message);
        }
    }
}
