package dev.gatehouse.cluster;

import dev.gatehouse.routing.input.ClusterView;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerSet;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A live {@link ClusterSession}'s caches as the routing engine's {@link ClusterView}: the GUI, the
 * CLI and the proxy ask the same engine about the live cluster. Kinds that could not be listed
 * (no permission, still loading) are reported as absent from the view's {@link #scope()}, so the
 * engine says "not known" rather than "missing". A cluster without the Gateway API CRDs simply has no
 * Gateway API objects.
 */
public final class SessionClusterView implements ClusterView {
    private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    private final ClusterSession session;

    public SessionClusterView(ClusterSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The session read (its client reaches the cluster, e.g. for a probe's port-forward). */
    public ClusterSession session() {
        return session;
    }

    @Override
    public List<Ingress> ingresses() {
        return session.ingresses().list();
    }

    @Override
    public List<IngressClass> ingressClasses() {
        return session.ingressClasses().list();
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return session.secrets().get(namespace, name).map(SessionClusterView::toSecret);
    }

    @Override
    public Optional<Service> service(String namespace, String name) {
        return session.services().get(namespace, name);
    }

    @Override
    public List<EndpointSlice> endpointSlices(String namespace, String serviceName) {
        return session.endpointSlices().list(namespace).stream()
                .filter(s -> s.getMetadata().getLabels() != null
                        && serviceName.equals(s.getMetadata().getLabels().get(SERVICE_NAME_LABEL)))
                .toList();
    }

    @Override
    public List<GatewayClass> gatewayClasses() {
        return session.gatewayApi().gatewayClasses().list();
    }

    @Override
    public List<Gateway> gateways() {
        return session.gatewayApi().gateways().list();
    }

    @Override
    public List<ListenerSet> listenerSets() {
        return session.gatewayApi().listenerSets().list();
    }

    @Override
    public List<HTTPRoute> httpRoutes() {
        return session.gatewayApi().httpRoutes().list();
    }

    @Override
    public List<GRPCRoute> grpcRoutes() {
        return session.gatewayApi().grpcRoutes().list();
    }

    @Override
    public List<TLSRoute> tlsRoutes() {
        return session.gatewayApi().tlsRoutes().list();
    }

    @Override
    public List<ReferenceGrant> referenceGrants() {
        return session.gatewayApi().referenceGrants().list();
    }

    @Override
    public List<BackendTLSPolicy> backendTlsPolicies() {
        return session.gatewayApi().backendTlsPolicies().list();
    }

    /** The ConfigMap as the cache keeps it: only {@code ca.crt} has its value. */
    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return session.gatewayApi().configMaps().get(namespace, name);
    }

    @Override
    public Optional<Namespace> namespace(String name) {
        return session.gatewayApi().namespaces().get(null, name);
    }

    /**
     * Kinds whose cache is not listed (loading, forbidden, failed) are absent. Namespaces count as present only
     * when listed: a session that may not list them cannot decide {@code allowedRoutes} Selectors.
     */
    @Override
    public Scope scope() {
        return new Scope(ready(session.secrets()), ready(session.services()), ready(session.endpointSlices()),
                ready(session.gatewayApi().configMaps()), ready(session.gatewayApi().namespaces()));
    }

    private static boolean ready(ResourceCache<?> cache) {
        return cache.status() instanceof CacheStatus.Ready;
    }

    /**
     * Rebuilds a Secret from what the cache kept: metadata, type, and the values of tls.crt, tls.key
     * and ca.crt; other data keys are present with empty values (their contents are never kept).
     */
    static Secret toSecret(SecretSummary s) {
        Map<String, String> data = new LinkedHashMap<>();
        for (String key : s.dataKeys()) {
            data.put(key, "");
        }
        s.tlsCrt().ifPresent(v -> data.put(SecretSummary.TLS_CRT, Base64.getEncoder().encodeToString(v)));
        s.tlsKey().ifPresent(v -> data.put(SecretSummary.TLS_KEY, Base64.getEncoder().encodeToString(v)));
        s.caCrt().ifPresent(v -> data.put(SecretSummary.CA_CRT, Base64.getEncoder().encodeToString(v)));
        return new SecretBuilder()
                .withMetadata(new ObjectMetaBuilder().withNamespace(s.namespace()).withName(s.name())
                        .withUid(s.uid()).withResourceVersion(s.resourceVersion())
                        .withCreationTimestamp(s.creationTimestamp()).withLabels(s.labels())
                        .withAnnotations(s.annotations()).withOwnerReferences(s.ownerReferences()).build())
                .withType(s.type())
                .withData(data)
                .build();
    }
}
