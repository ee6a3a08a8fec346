package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.SecretState;
import dev.gatehouse.routing.model.SecretStore;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.PemReader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code ca.crt} of a CA reference (a ConfigMap, or a Secret) for a BackendTLSPolicy's or a Gateway's
 * frontend validation's {@code caCertificateRefs}: the one reader both use, so both judge a CA alike.
 */
final class CaCertificateReader {

    /**
     * What a CA reference gave.
     *
     * @param certificates the CA certificates (empty when not in the input or unusable)
     * @param problem      why it cannot be used ({@code ... (InvalidCACertificateRef)}), if it cannot
     * @param notInInput   the object is not in the input (assumed fine)
     */
    record Read(List<X509Certificate> certificates, Optional<String> problem, boolean notInInput) {
    }

    private final ClusterView view;
    private final SecretStore secrets;

    CaCertificateReader(ClusterView view, SecretStore secrets) {
        this.view = view;
        this.secrets = secrets;
    }

    /** {@code ref.kind()} is {@code ConfigMap} or {@code Secret}; anything else is a caller's problem. */
    Read read(ObjectRef ref) {
        return "Secret".equals(ref.kind()) ? secret(ref) : configMap(ref);
    }

    private Read configMap(ObjectRef ref) {
        Optional<ConfigMap> map = view.configMap(ref.namespace(), ref.name());
        if (map.isEmpty() && !view.scope().configMaps()) {
            return new Read(List.of(), Optional.empty(), true);
        }
        if (map.isEmpty()) {
            return new Read(List.of(), Optional.of(ref + " does not exist (InvalidCACertificateRef)"), false);
        }
        String text = map.get().getData() == null ? null : map.get().getData().get("ca.crt");
        if (text == null || text.isBlank()) {
            return new Read(List.of(), Optional.of(ref + " has no key ca.crt (InvalidCACertificateRef)"), false);
        }
        ParsedMaterial parsed = new PemReader().read(text, "ca.crt");
        return parsed.chain().isEmpty()
                ? new Read(List.of(), Optional.of("ca.crt of " + ref + " holds no readable certificate"
                + " (InvalidCACertificateRef)"), false)
                : new Read(parsed.chain(), Optional.empty(), false);
    }

    private Read secret(ObjectRef ref) {
        SecretState state = secrets.get(ref.namespace(), ref.name());
        return switch (state.presence()) {
            case NOT_IN_INPUT -> new Read(List.of(), Optional.empty(), true);
            case MISSING -> new Read(List.of(), Optional.of(ref + " does not exist (InvalidCACertificateRef)"), false);
            case PRESENT -> state.ca().map(ParsedMaterial::chain).filter(c -> !c.isEmpty())
                    .map(c -> new Read(c, Optional.empty(), false))
                    .orElse(new Read(List.of(), Optional.of(ref + " has no readable ca.crt (InvalidCACertificateRef)"),
                            false));
        };
    }
}
