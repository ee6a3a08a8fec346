package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Gatehouse keeps of a Secret: type, metadata, the names of its data keys, and the values
 * of {@code tls.crt}, {@code ca.crt} and {@code tls.key} only (decoded on demand). Values of
 * other keys are dropped. Everything lives in memory only; {@link #toString()} shows no value.
 */
public final class SecretSummary {

    public static final String TLS_CRT = "tls.crt";
    public static final String TLS_KEY = "tls.key";
    public static final String CA_CRT = "ca.crt";
    static final Set<String> KEPT_KEYS = Set.of(TLS_CRT, TLS_KEY, CA_CRT);
    /** kubectl apply stores the whole Secret, data included, in this annotation. */
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private final String namespace;
    private final String name;
    private final String type;
    private final String uid;
    private final String resourceVersion;
    private final String creationTimestamp;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final List<OwnerReference> ownerReferences;
    private final Set<String> dataKeys;
    private final String tlsCrt;
    private final String caCrt;
    private final String tlsKey;

    private SecretSummary(Secret secret) {
        ObjectMeta m = secret.getMetadata() == null ? new ObjectMeta() : secret.getMetadata();
        this.namespace = m.getNamespace();
        this.name = m.getName();
        this.type = secret.getType() == null ? "Opaque" : secret.getType();
        this.uid = m.getUid();
        this.resourceVersion = m.getResourceVersion();
        this.creationTimestamp = m.getCreationTimestamp();
        this.labels = m.getLabels() == null ? Map.of() : Map.copyOf(m.getLabels());
        this.annotations = m.getAnnotations() == null ? Map.of() : safeAnnotations(m.getAnnotations());
        this.ownerReferences = m.getOwnerReferences() == null ? List.of() : List.copyOf(m.getOwnerReferences());
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        this.dataKeys = Collections.unmodifiableSortedSet(new TreeSet<>(data.keySet()));
        this.tlsCrt = data.get(TLS_CRT);
        this.caCrt = data.get(CA_CRT);
        this.tlsKey = data.get(TLS_KEY);
    }

    /** The summary of a Secret as read from the API server (base64 {@code data}). */
    public static SecretSummary of(Secret secret) {
        return new SecretSummary(secret);
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    /** e.g. {@code kubernetes.io/tls}; "Opaque" when unset. */
    public String type() {
        return type;
    }

    public boolean isTls() {
        return "kubernetes.io/tls".equals(type);
    }

    public String uid() {
        return uid;
    }

    public String resourceVersion() {
        return resourceVersion;
    }

    /** RFC 3339 timestamp as the API server wrote it, or null. */
    public String creationTimestamp() {
        return creationTimestamp;
    }

    public Map<String, String> labels() {
        return labels;
    }

    /**
     * e.g. {@code cert-manager.io/certificate-name}; without
     * {@code kubectl.kubernetes.io/last-applied-configuration}, which would hold all data.
     */
    public Map<String, String> annotations() {
        return annotations;
    }

    public List<OwnerReference> ownerReferences() {
        return ownerReferences;
    }

    /** The names of all data keys of the Secret, sorted (values of other keys are not kept). */
    public Set<String> dataKeys() {
        return dataKeys;
    }

    /** {@code tls.crt} (PEM, leaf first), decoded. */
    public Optional<byte[]> tlsCrt() {
        return decode(tlsCrt);
    }

    /** {@code ca.crt} (PEM), decoded. */
    public Optional<byte[]> caCrt() {
        return decode(caCrt);
    }

    /**
     * {@code tls.key} (PEM), decoded into a fresh array the caller may wipe. Never write it to
     * disk or logs.
     */
    public Optional<byte[]> tlsKey() {
        return decode(tlsKey);
    }

    static Map<String, String> safeAnnotations(Map<String, String> annotations) {
        if (!annotations.containsKey(LAST_APPLIED)) {
            return Map.copyOf(annotations);
        }
        Map<String, String> copy = new java.util.HashMap<>(annotations);
        copy.remove(LAST_APPLIED);
        return Map.copyOf(copy);
    }

    private static Optional<byte[]> decode(String base64) {
        if (base64 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Secret " + namespace + "/" + name + " (" + type + ", keys " + dataKeys + ")";
    }
}
