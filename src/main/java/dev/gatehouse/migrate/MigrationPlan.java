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

    /**
     * The same plan with the Gateway side replaced by {@code objects} (the generated objects as the user edited
     * them, e.g. drafts): routes, grants and policies are exactly those given, the Gateway is the first one given
     * (this plan's when none is). Provenance, notes and the converted Ingresses stay: they describe the Ingress side.
     * Objects of other kinds are ignored.
     */
    public MigrationPlan withObjects(List<? extends HasMetadata> objects) {
        Gateway gw = objects.stream().filter(Gateway.class::isInstance).map(Gateway.class::cast).findFirst()
                .orElse(gateway);
        return new MigrationPlan(gw, extendsExisting, gatewayClass, only(objects, HTTPRoute.class),
                only(objects, TLSRoute.class), only(objects, BackendTLSPolicy.class), only(objects, ReferenceGrant.class),
                provenance, notes, converted);
    }

    private static <T> List<T> only(List<? extends HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The Ingresses a generated object came from, as its provenance names them; every converted Ingress for the
     * Gateway (all of them are served by it) and for an object without provenance.
     */
    public List<ObjectRef> sourcesOf(HasMetadata object) {
        if (object instanceof Gateway) {
            return converted;
        }
        List<String> lines = provenanceOf(object);
        List<ObjectRef> named = converted.stream().filter(ref -> lines.stream().anyMatch(l -> names(l, ref))).toList();
        return named.isEmpty() ? converted : named;
    }

    private static boolean names(String line, ObjectRef ingress) {
        return java.util.regex.Pattern.compile("\\bIngress " + java.util.regex.Pattern.quote(ingress.path()) + "(?![\\w.-])")
                .matcher(line).find();
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
