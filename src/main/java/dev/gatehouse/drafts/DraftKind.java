package dev.gatehouse.drafts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.BackendTLSPolicy;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds a draft can hold: Ingress and the Gateway API kinds a rule change touches. The model classes are the
 * ones the engine reads ({@code routing.input.ClusterView}, gateway.networking.k8s.io/v1), so a draft is parsed once
 * and handed to the engine as it is.
 */
public enum DraftKind {
    INGRESS("Ingress", "networking.k8s.io/v1", Ingress.class),
    HTTPROUTE("HTTPRoute", "gateway.networking.k8s.io/v1", HTTPRoute.class),
    GATEWAY("Gateway", "gateway.networking.k8s.io/v1", Gateway.class),
    REFERENCEGRANT("ReferenceGrant", "gateway.networking.k8s.io/v1", ReferenceGrant.class),
    BACKENDTLSPOLICY("BackendTLSPolicy", "gateway.networking.k8s.io/v1", BackendTLSPolicy.class),
    TLSROUTE("TLSRoute", "gateway.networking.k8s.io/v1", TLSRoute.class);

    private final String kind;
    private final String apiVersion;
    private final Class<? extends HasMetadata> type;

    DraftKind(String kind, String apiVersion, Class<? extends HasMetadata> type) {
        this.kind = kind;
        this.apiVersion = apiVersion;
        this.type = type;
    }

    /** The Kubernetes kind, e.g. {@code HTTPRoute}. */
    public String kind() {
        return kind;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public Class<? extends HasMetadata> type() {
        return type;
    }

    public boolean isGatewayApi() {
        return this != INGRESS;
    }

    /** The kind of a parsed object, when a draft can hold it. */
    public static Optional<DraftKind> of(HasMetadata object) {
        return Arrays.stream(values()).filter(k -> k.type == object.getClass()).findFirst();
    }

    /** The kind of that name ({@code HTTPRoute}), when a draft can hold it. */
    public static Optional<DraftKind> forKind(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }

    /** The kind named {@code kind} (as stored with a draft); Ingress for an empty or unknown name. */
    public static DraftKind named(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst().orElse(INGRESS);
    }

    /** "Ingress (networking.k8s.io/v1), HTTPRoute, Gateway, … (gateway.networking.k8s.io/v1)". */
    static String supported() {
        return "Ingress (networking.k8s.io/v1) or " + Arrays.stream(values()).filter(DraftKind::isGatewayApi)
                .map(DraftKind::kind).collect(Collectors.joining(", ")) + " (gateway.networking.k8s.io/v1)";
    }
}
