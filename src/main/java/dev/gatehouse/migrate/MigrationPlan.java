package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The intermediate model of one migration (ingress2gateway's IR): the Gateway API objects to create, where each
 * piece came from, and a note for every annotation and every piece that does not carry over. Callers must not
 * modify the objects (they are shared by the YAML, the behavioural diff and the screens).
 *
 * @param gateway            the Gateway (new, or an existing one with listeners added)
 * @param extendsExisting    true when {@code gateway} is an existing Gateway of the input with listeners added
 * @param gatewayClass       the GatewayClass the Gateway names (assumed to exist when it is not in the input)
 * @param httpRoutes         HTTPRoutes, one per Ingress, host and listener kind, sorted
 * @param tlsRoutes          TLSRoutes for {@code ssl-passthrough} hosts
 * @param backendTlsPolicies BackendTLSPolicies for re-encrypted backends
 * @param referenceGrants    ReferenceGrants for certificates in another namespace than the Gateway
 * @param provenance         comment lines per object ({@link #key}): which Ingress, rule and path each piece came from
 * @param notes              what became of each annotation and piece
 * @param converted          the Ingresses converted, oldest first
 */
public record MigrationPlan(Gateway gateway, boolean extendsExisting, String gatewayClass, List<HTTPRoute> httpRoutes,
                            List<TLSRoute> tlsRoutes, List<BackendTLSPolicy> backendTlsPolicies,
                            List<ReferenceGrant> referenceGrants, Map<String, List<String>> provenance,
                            List<ConversionNote> notes, List<ObjectRef> converted) {

    public MigrationPlan {
        httpRoutes = List.copyOf(httpRoutes);
        tlsRoutes = List.copyOf(tlsRoutes);
        backendTlsPolicies = List.copyOf(backendTlsPolicies);
        referenceGrants = List.copyOf(referenceGrants);
        provenance = Map.copyOf(provenance);
        notes = List.copyOf(notes);
        converted = List.copyOf(converted);
    }

    /** Every generated object in the order the YAML lists them: Gateway, grants, policies, routes. */
    public List<HasMetadata> objects() {
        List<HasMetadata> all = new ArrayList<>();
        all.add(gateway);
        all.addAll(referenceGrants);
        all.addAll(backendTlsPolicies);
        all.addAll(tlsRoutes);
        all.addAll(httpRoutes);
        return List.copyOf(all);
    }

    /** The comment lines of an object. */
    public List<String> provenanceOf(HasMetadata object) {
        return provenance.getOrDefault(key(object), List.of());
    }

    /** The notes of one Ingress. */
    public List<ConversionNote> notesOf(ObjectRef ingress) {
        return notes.stream().filter(n -> n.source().equals(ingress)).toList();
    }

    /** {@code Kind/namespace/name}, the key of {@link #provenance}. */
    public static String key(HasMetadata object) {
        return object.getKind() + "/" + ObjectRef.namespaceOf(object) + "/" + object.getMetadata().getName();
    }
}
