package dev.gatehouse.cluster.write;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A new certificate (and key) for a TLS Secret, as the object to write: the live Secret with
 * {@code tls.crt} and {@code tls.key} replaced and everything else kept (other keys, labels,
 * annotations, type), or a new {@code kubernetes.io/tls} Secret. {@link #summary()} says in words what
 * changes, naming values only as "changed"/"unchanged" — never printing them.
 *
 * @param namespace the Secret's namespace
 * @param name      the Secret's name
 * @param live      the Secret as read from the cluster just before, if it exists
 * @param desired   what will be written
 */
public record TlsSecretChange(String namespace, String name, Optional<Secret> live, Secret desired) {

    public static final String TLS_TYPE = "kubernetes.io/tls";
    public static final String TLS_CRT = "tls.crt";
    public static final String TLS_KEY = "tls.key";
    /** cert-manager's annotation on the Secrets it owns. */
    public static final String CERT_MANAGER_ANNOTATION = "cert-manager.io/certificate-name";

    public TlsSecretChange {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(desired, "desired");
    }

    /**
     * Prepares the change.
     *
     * @param tlsCrt the new {@code tls.crt} (leaf then intermediates, PEM)
     * @param tlsKey the new {@code tls.key} (PEM); empty keeps the live Secret's key
     */
    public static TlsSecretChange of(String namespace, String name, Optional<Secret> live, String tlsCrt,
                                     Optional<String> tlsKey) {
        Map<String, String> data = new LinkedHashMap<>();
        SecretBuilder builder;
        if (live.isPresent()) {
            Secret current = live.get();
            if (current.getData() != null) {
                data.putAll(current.getData());
            }
            builder = new SecretBuilder(current).editMetadata().withManagedFields().endMetadata();
            if (current.getStringData() != null) {
                Map<String, String> plain = new LinkedHashMap<>(current.getStringData());
                plain.remove(TLS_CRT);
                plain.remove(TLS_KEY);
                builder.withStringData(plain.isEmpty() ? null : plain);
            }
        } else {
            if (tlsKey.isEmpty()) {
                throw new IllegalArgumentException("A new TLS Secret needs a private key");
            }
            builder = new SecretBuilder().withApiVersion("v1").withKind("Secret")
                    .withMetadata(new ObjectMeta()).editMetadata().withNamespace(namespace).withName(name).endMetadata()
                    .withType(TLS_TYPE);
        }
        data.put(TLS_CRT, encode(tlsCrt));
        tlsKey.ifPresent(k -> data.put(TLS_KEY, encode(k)));
        Secret desired = builder.withData(data).build();
        if (desired.getKind() == null) {
            desired.setKind("Secret");
            desired.setApiVersion("v1");
        }
        return new TlsSecretChange(namespace, name, live, desired);
    }

    private static String encode(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    /** The live resourceVersion the write is conditioned on (empty: create). */
    public Optional<String> baseResourceVersion() {
        return live.map(s -> s.getMetadata().getResourceVersion());
    }

    /** The cert-manager Certificate that owns the live Secret, if any. */
    public Optional<String> managedBy() {
        return live.map(s -> s.getMetadata().getAnnotations()).map(a -> a.get(CERT_MANAGER_ANNOTATION))
                .filter(n -> !n.isBlank());
    }

    /** {@code namespace/name}. */
    public String path() {
        return namespace + "/" + name;
    }

    /** What changes, in plain lines: "tls.crt: changed", "tls.key: unchanged", what is kept. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        if (live.isEmpty()) {
            lines.add("Creates Secret " + path() + " (type " + TLS_TYPE + ")");
            lines.add("tls.crt: new");
            lines.add("tls.key: new");
            return lines;
        }
        lines.add("Replaces the certificate in Secret " + path());
        Map<String, String> before = live.get().getData() == null ? Map.of() : live.get().getData();
        Map<String, String> after = desired.getData();
        for (String key : List.of(TLS_CRT, TLS_KEY)) {
            String old = before.get(key);
            lines.add(key + ": " + (old == null ? "added" : same(old, after.get(key)) ? "unchanged" : "changed"));
        }
        TreeSet<String> others = new TreeSet<>(before.keySet());
        others.remove(TLS_CRT);
        others.remove(TLS_KEY);
        if (!others.isEmpty()) {
            lines.add("Keeps " + String.join(", ", others) + " as " + (others.size() == 1 ? "it is" : "they are"));
        }
        String type = live.get().getType();
        if (type != null && !TLS_TYPE.equals(type)) {
            lines.add("Keeps type " + type + " (a Secret's type cannot be changed in place)");
        }
        return lines;
    }

    private static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            return Arrays.equals(Base64.getMimeDecoder().decode(a), Base64.getMimeDecoder().decode(b));
        } catch (IllegalArgumentException e) {
            return a.equals(b);
        }
    }
}
