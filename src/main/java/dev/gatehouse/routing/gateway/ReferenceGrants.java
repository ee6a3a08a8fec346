package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantFrom;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrantTo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Whether a cross-namespace reference is allowed by a ReferenceGrant in the target's namespace. */
public final class ReferenceGrants {

    /** The Gateway API group. */
    public static final String GROUP = "gateway.networking.k8s.io";

    private final List<ReferenceGrant> grants;

    public ReferenceGrants(List<ReferenceGrant> grants) {
        this.grants = List.copyOf(grants);
    }

    /**
     * The grant allowing {@code fromKind} objects of {@code fromNamespace} (group {@link #GROUP}) to refer to the
     * {@code toKind} (core group) object {@code toNamespace/toName}; empty when none does. Same-namespace
     * references need no grant: callers check that first.
     */
    public Optional<ObjectRef> permitting(String fromKind, String fromNamespace, String toKind, String toNamespace,
                                          String toName) {
        for (ReferenceGrant grant : grants) {
            if (!ObjectRef.namespaceOf(grant).equals(toNamespace) || grant.getSpec() == null) {
                continue;
            }
            List<ReferenceGrantFrom> from = grant.getSpec().getFrom() == null ? List.of() : grant.getSpec().getFrom();
            List<ReferenceGrantTo> to = grant.getSpec().getTo() == null ? List.of() : grant.getSpec().getTo();
            boolean fromOk = from.stream().anyMatch(f -> GROUP.equals(f.getGroup()) && fromKind.equals(f.getKind())
                    && fromNamespace.equals(f.getNamespace()));
            boolean toOk = to.stream().anyMatch(t -> (t.getGroup() == null || t.getGroup().isEmpty())
                    && toKind.equals(t.getKind()) && (t.getName() == null || t.getName().isEmpty()
                    || Objects.equals(t.getName(), toName)));
            if (fromOk && toOk) {
                return Optional.of(new ObjectRef("ReferenceGrant", toNamespace, ObjectRef.nameOf(grant)));
            }
        }
        return Optional.empty();
    }
}
