package dev.gatehouse.cluster.write;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Objects as YAML for people: for diffs, server-owned fields are dropped and Secret values are
 * replaced by a short fingerprint, so a diff says "tls.key changed" without ever printing a key.
 */
public final class ObjectYaml {
    private ObjectYaml() {
    }

    /** Full YAML (backups): only managed fields and status removed. */
    public static String full(HasMetadata o) {
        HasMetadata copy = Serialization.clone(o);
        if (copy.getMetadata() != null) {
            copy.getMetadata().setManagedFields(null);
        }
        return Serialization.asYaml(copy);
    }

    /** YAML for comparing: no server-owned metadata, Secret values fingerprinted. */
    public static String forDiff(HasMetadata o) {
        if (o == null) {
            return "";
        }
        HasMetadata copy = Serialization.clone(o);
        removeServerFields(copy.getMetadata());
        if (copy instanceof Secret s) {
            Map<String, String> masked = new TreeMap<>();
            if (s.getData() != null) {
                s.getData().forEach((k, v) -> masked.put(k, fingerprint(Base64.getMimeDecoder().decode(v))));
            }
            if (s.getStringData() != null) {
                s.getStringData().forEach((k, v) -> masked.put(k, fingerprint(v.getBytes(StandardCharsets.UTF_8))));
                s.setStringData(null);
            }
            s.setData(masked.isEmpty() ? null : new LinkedHashMap<>(masked));
        }
        String yaml = Serialization.asYaml(copy);
        return yaml.replaceAll("(?m)^status:.*(\\n[ ].*)*\\n?", "");
    }

    /** Drops what the API server sets (and kubectl's last-applied copy): what remains is what a user wrote. */
    public static void removeServerFields(ObjectMeta m) {
        if (m == null) {
            return;
        }
        m.setManagedFields(null);
        m.setResourceVersion(null);
        m.setUid(null);
        m.setGeneration(null);
        m.setCreationTimestamp(null);
        if (m.getAnnotations() != null) {
            m.getAnnotations().remove("kubectl.kubernetes.io/last-applied-configuration");
            if (m.getAnnotations().isEmpty()) {
                m.setAnnotations(null);
            }
        }
    }

    static String fingerprint(byte[] value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value);
            return "<" + value.length + " bytes, sha256 " + HexFormat.of().formatHex(d, 0, 6) + "…>";
        } catch (NoSuchAlgorithmException e) {
            return "<" + value.length + " bytes>";
        }
    }
}
