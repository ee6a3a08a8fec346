package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.SecretState;
import dev.gatehouse.routing.model.SecretStore;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import java.util.Optional;

/** Resolves a listener's {@code certificateRefs} entry: kind, namespace (ReferenceGrant) and the Secret itself. */
final class CertificateResolver {

    private final SecretStore secrets;
    private final ReferenceGrants grants;

    CertificateResolver(SecretStore secrets, ReferenceGrants grants) {
        this.secrets = secrets;
        this.grants = grants;
    }

    /**
     * @param fromKind      {@code Gateway} or {@code ListenerSet}
     * @param fromNamespace the namespace of that object
     */
    CertificateRef resolve(SecretObjectReference ref, String fromKind, String fromNamespace) {
        return resolve(ref, fromKind, fromNamespace, "certificateRefs", "InvalidCertificateRef");
    }

    /**
     * @param field         the field naming it, for messages ({@code certificateRefs}, {@code clientCertificateRef})
     * @param invalidReason the condition reason of a reference that cannot be used
     */
    CertificateRef resolve(SecretObjectReference ref, String fromKind, String fromNamespace, String field,
                           String invalidReason) {
        String ns = ref.getNamespace() == null || ref.getNamespace().isEmpty() ? fromNamespace : ref.getNamespace();
        ObjectRef secret = ObjectRef.secret(ns, ref.getName());
        String group = ref.getGroup() == null ? "" : ref.getGroup();
        String kind = ref.getKind() == null || ref.getKind().isEmpty() ? "Secret" : ref.getKind();
        if (!group.isEmpty() || !kind.equals("Secret")) {
            return new CertificateRef(new ObjectRef(kind, ns, ref.getName()), CertificateRef.Resolution.INVALID,
                    Optional.empty(), field + " names a " + (group.isEmpty() ? "" : group + "/") + kind
                    + "; only core Secrets are supported (" + invalidReason + ")");
        }
        if (!ns.equals(fromNamespace)) {
            Optional<ObjectRef> grant = grants.permitting(fromKind, fromNamespace, "Secret", ns, ref.getName());
            if (grant.isEmpty()) {
                return new CertificateRef(secret, CertificateRef.Resolution.NOT_PERMITTED, Optional.empty(),
                        "Secret " + secret.path() + " is in another namespace and no ReferenceGrant in " + ns
                        + " lets " + fromKind + "s of " + fromNamespace + " use it (RefNotPermitted)");
            }
        }
        SecretState state = secrets.get(secret);
        return switch (state.presence()) {
            case MISSING -> new CertificateRef(secret, CertificateRef.Resolution.INVALID, Optional.of(state),
                    "Secret " + secret.path() + " does not exist (" + invalidReason + ")");
            case NOT_IN_INPUT -> new CertificateRef(secret, CertificateRef.Resolution.RESOLVED, Optional.of(state),
                    "Secret " + secret.path() + " is not in the input; assumed usable");
            case PRESENT -> state.servable()
                    ? new CertificateRef(secret, CertificateRef.Resolution.RESOLVED, Optional.of(state),
                    "Secret " + secret.path() + " holds a certificate and its key")
                    : new CertificateRef(secret, CertificateRef.Resolution.INVALID, Optional.of(state),
                    state.unusable().orElse("Secret " + secret.path() + " is not usable") + " (" + invalidReason + ")");
        };
    }
}
