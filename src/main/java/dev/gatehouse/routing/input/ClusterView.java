package dev.gatehouse.routing.input;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerSet;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the cluster objects the routing engine needs. Implemented by
 * {@link InMemoryClusterView} (YAML files, tests), by {@link DraftOverlay} (changed Ingresses over
 * another view) and by live informer caches.
 *
 * <p>Implementations return what they hold at the time of the call; callers must not modify the
 * returned objects. Objects without a namespace are treated as in {@code default}.
 */
public interface ClusterView {

    /** All Ingresses (networking.k8s.io/v1) of all namespaces. */
    List<Ingress> ingresses();

    /** All IngressClasses. */
    List<IngressClass> ingressClasses();

    Optional<Secret> secret(String namespace, String name);

    Optional<Service> service(String namespace, String name);

    /** EndpointSlices labelled {@code kubernetes.io/service-name=serviceName} in the namespace. */
    List<EndpointSlice> endpointSlices(String namespace, String serviceName);

    // ---- Gateway API (gateway.networking.k8s.io/v1). A cluster without its CRDs simply has none. ----

    /** All GatewayClasses. */
    default List<GatewayClass> gatewayClasses() {
        return List.of();
    }

    /** All Gateways of all namespaces. */
    default List<Gateway> gateways() {
        return List.of();
    }

    /** All ListenerSets of all namespaces. */
    default List<ListenerSet> listenerSets() {
        return List.of();
    }

    /** All HTTPRoutes of all namespaces. */
    default List<HTTPRoute> httpRoutes() {
        return List.of();
    }

    /** All GRPCRoutes of all namespaces. */
    default List<GRPCRoute> grpcRoutes() {
        return List.of();
    }

    /** All TLSRoutes of all namespaces. */
    default List<TLSRoute> tlsRoutes() {
        return List.of();
    }

    /** All ReferenceGrants of all namespaces. */
    default List<ReferenceGrant> referenceGrants() {
        return List.of();
    }

    /** All BackendTLSPolicies of all namespaces. */
    default List<BackendTLSPolicy> backendTlsPolicies() {
        return List.of();
    }

    /** A ConfigMap (BackendTLSPolicy {@code caCertificateRefs} name them, key {@code ca.crt}). */
    default Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.empty();
    }

    /**
     * A Namespace, for its labels ({@code allowedRoutes.namespaces.from: Selector}); empty when not held —
     * then only namespaces that objects of the view live in are known, without labels.
     */
    default Optional<Namespace> namespace(String name) {
        return Optional.empty();
    }

    /** Whether the view holds any Gateway API object. */
    default boolean hasGatewayApi() {
        return !gateways().isEmpty() || !httpRoutes().isEmpty() || !gatewayClasses().isEmpty()
                || !tlsRoutes().isEmpty() || !grpcRoutes().isEmpty();
    }

    /**
     * Which kinds this view actually holds. A live cluster holds everything; a YAML file may hold only
     * Ingresses, and then a Secret that is not found is "not in the input" rather than missing.
     */
    default Scope scope() {
        return Scope.COMPLETE;
    }

    /**
     * Which object kinds a view holds.
     *
     * @param secrets        Secrets are present (a missing one is really missing)
     * @param services       Services are present
     * @param endpointSlices EndpointSlices are present
     * @param configMaps     ConfigMaps are present (a BackendTLSPolicy's missing CA ConfigMap is really missing)
     * @param namespaces     Namespaces are present with their labels ({@code allowedRoutes} Selector can be
     *                       decided); false e.g. when listing Namespaces is forbidden: then only Same and All can be
     */
    record Scope(boolean secrets, boolean services, boolean endpointSlices, boolean configMaps, boolean namespaces) {
        public static final Scope COMPLETE = new Scope(true, true, true, true, true);

        /** The Ingress-era form: ConfigMaps known when Secrets are, Namespace labels not known. */
        public Scope(boolean secrets, boolean services, boolean endpointSlices) {
            this(secrets, services, endpointSlices, secrets, false);
        }
    }
}
