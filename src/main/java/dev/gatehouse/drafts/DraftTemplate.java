package dev.gatehouse.drafts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The starting points for a new draft: Ingresses and Gateway API objects (YAML templates under resources). */
public enum DraftTemplate {
    SIMPLE_HOST("Simple host (HTTP)", "simple-host.yaml", DraftKind.INGRESS),
    TLS_HOST("TLS host", "tls-host.yaml", DraftKind.INGRESS),
    WILDCARD("Wildcard host", "wildcard.yaml", DraftKind.INGRESS),
    RE_ENCRYPT("Re-encrypt to an HTTPS backend", "re-encrypt.yaml", DraftKind.INGRESS),
    MTLS("Client certificates (mTLS)", "mtls.yaml", DraftKind.INGRESS),
    HTTPROUTE("HTTPRoute: host → Service", "httproute.yaml", DraftKind.HTTPROUTE),
    HTTPROUTE_SPLIT("HTTPRoute: weighted split (90/10)", "httproute-split.yaml", DraftKind.HTTPROUTE),
    HTTPROUTE_REDIRECT("HTTPRoute: HTTP → HTTPS redirect", "httproute-redirect.yaml", DraftKind.HTTPROUTE),
    GATEWAY("Gateway: HTTP and HTTPS listeners", "gateway-https.yaml", DraftKind.GATEWAY),
    REFERENCE_GRANT("ReferenceGrant: Gateways may use this namespace's Secrets", "referencegrant.yaml",
            DraftKind.REFERENCEGRANT),
    BACKEND_TLS("BackendTLSPolicy: verified re-encryption", "backendtlspolicy.yaml", DraftKind.BACKENDTLSPOLICY),
    TLS_ROUTE("TLSRoute: passthrough by SNI", "tlsroute.yaml", DraftKind.TLSROUTE);

    private final String label;
    private final String resource;
    private final DraftKind kind;

    DraftTemplate(String label, String resource, DraftKind kind) {
        this.label = label;
        this.resource = resource;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    /** What the template creates. */
    public DraftKind kind() {
        return kind;
    }

    /** Whether the template names a parent Gateway (routes) or the Gateways' namespace (ReferenceGrant). */
    public boolean needsGateway() {
        return this == HTTPROUTE || this == HTTPROUTE_SPLIT || this == HTTPROUTE_REDIRECT || this == TLS_ROUTE
                || this == REFERENCE_GRANT;
    }

    /** The template with its placeholders filled in (an Ingress template, or a Gateway API one on Gateway default/main). */
    public String render(String namespace, String name, String host, String service) {
        return render(namespace, name, host, service, "default", "main");
    }

    /**
     * The template with its placeholders filled in.
     *
     * @param gatewayNamespace the parent Gateway's namespace (routes), the Gateways' namespace (ReferenceGrant)
     * @param gatewayName      the parent Gateway's name (routes)
     */
    public String render(String namespace, String name, String host, String service, String gatewayNamespace,
                         String gatewayName) {
        try (InputStream in = DraftTemplate.class.getResourceAsStream("/dev/gatehouse/drafts/templates/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("template " + resource + " missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("PARENT_NS", gatewayNamespace).replace("PARENT_GW", gatewayName)
                    .replace("NAMESPACE", namespace).replace("NAME", name).replace("HOST", host).replace("SERVICE", service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
