package dev.gatehouse.routing.diagnostics;

/**
 * The stable diagnostic codes. A code and its slug never change meaning; new checks get new codes.
 * Ranges: GH0xx input, GH1xx Secrets and certificates, GH2xx hosts and TLS, GH3xx paths, GH4xx
 * backends, GH5xx IngressClass, GH6xx annotations and leg protection, GH7xx Gateway API. Documented in docs/diagnostics.md.
 */
public enum DiagnosticCode {
    GH001("input-partial", Severity.INFO, "The input lacks a kind of object, so its checks were skipped"),
    GH002("ingress-class-assumed", Severity.INFO, "No IngressClass in the input; ingress-nginx's class is assumed"),

    GH101("secret-missing", Severity.ERROR, "A TLS Secret named in an Ingress does not exist"),
    GH102("secret-wrong-type", Severity.WARNING, "A TLS Secret is not of type kubernetes.io/tls"),
    GH103("secret-missing-keys", Severity.ERROR, "A TLS Secret has no tls.crt or no tls.key"),
    GH104("certificate-unreadable", Severity.ERROR, "tls.crt or tls.key cannot be read (damaged, truncated, encrypted)"),
    GH105("certificate-expired", Severity.ERROR, "A certificate has expired"),
    GH106("certificate-expires-soon", Severity.ERROR, "A certificate expires in less than 7 days"),
    GH107("certificate-expiring", Severity.WARNING, "A certificate expires within 30 days"),
    GH108("certificate-not-yet-valid", Severity.ERROR, "A certificate is not valid yet"),
    GH110("key-mismatch", Severity.ERROR, "The private key does not belong to the certificate"),
    GH111("chain-out-of-order", Severity.ERROR, "tls.crt is not ordered leaf first, each certificate followed by its issuer"),
    GH112("chain-incomplete", Severity.WARNING, "An intermediate certificate is missing from tls.crt"),
    GH113("weak-certificate", Severity.WARNING, "A small key (RSA < 2048) or a SHA-1/MD5 signature"),
    GH114("certificate-not-for-servers", Severity.WARNING, "The certificate's extended key usage excludes TLS servers"),
    GH115("chain-unrelated-certificate", Severity.WARNING, "tls.crt holds a certificate that is not part of the chain"),
    GH116("chain-root-not-trusted", Severity.INFO, "tls.crt ends at an intermediate CA whose root is not trusted here"),
    GH117("key-in-certificate", Severity.ERROR, "tls.crt holds a private key (tls.crt and tls.key swapped, or the key pasted into both)"),
    GH118("key-not-for-tls", Severity.ERROR, "The certificate's key is DSA or on a curve browsers do not support for TLS"),

    GH201("san-mismatch", Severity.ERROR, "The certificate does not cover a host of its TLS entry"),
    GH202("host-without-tls", Severity.WARNING, "A rule host has no TLS entry (default certificate or plain HTTP)"),
    GH203("tls-host-without-rule", Severity.WARNING, "A TLS host has no rule, so its certificate is never served for it"),
    GH204("invalid-wildcard", Severity.ERROR, "A wildcard host is not of the form *.example.com"),
    GH205("invalid-host", Severity.ERROR, "A host is not a valid lower-case DNS name (port, IP address, characters)"),
    GH206("ssl-redirect-off", Severity.WARNING, "ssl-redirect is off on a host with TLS: plain HTTP is served"),
    GH207("common-name-only", Severity.WARNING, "The certificate names the host only in its common name"),
    GH208("tls-secret-name-missing", Severity.ERROR, "A TLS entry has no secretName"),

    GH301("path-conflict", Severity.WARNING, "The same host and path in two Ingresses (the older one wins)"),
    GH302("path-type-missing", Severity.ERROR, "A path has no pathType"),
    GH303("path-invalid", Severity.ERROR, "A path or pathType is invalid (relative path, unknown type, bad regex)"),
    GH304("regex-host-wide", Severity.INFO, "use-regex or rewrite-target on one Ingress turns other Ingresses' paths into regexes"),

    GH401("service-missing", Severity.ERROR, "A backend Service does not exist"),
    GH402("service-port-missing", Severity.ERROR, "A backend Service has no such port (number or name)"),
    GH403("no-ready-endpoints", Severity.ERROR, "A backend Service has no ready endpoints (ingress-nginx answers 503)"),
    GH404("backend-unsupported", Severity.WARNING, "A backend is a resource or names no Service/port"),

    GH501("ingress-class-unknown", Severity.ERROR, "ingressClassName names an IngressClass that does not exist"),
    GH502("ingress-class-none", Severity.WARNING, "No class and no default IngressClass: no controller serves the Ingress"),
    GH503("ingress-class-foreign", Severity.INFO, "The Ingress belongs to another controller and is not analysed"),
    GH504("default-class-multiple", Severity.WARNING, "More than one IngressClass is marked default"),

    GH601("backend-https-unverified", Severity.WARNING, "backend-protocol HTTPS without verification: encrypted, not authenticated"),
    GH602("backend-verify-without-ca", Severity.ERROR, "proxy-ssl-verify is on without a usable proxy-ssl-secret ca.crt"),
    GH603("client-auth-secret-unusable", Severity.ERROR, "auth-tls-secret is missing or has no ca.crt (the host is denied)"),
    GH604("ssl-passthrough-ignored", Severity.INFO, "ssl-passthrough needs the controller flag --enable-ssl-passthrough"),
    GH605("annotation-invalid", Severity.WARNING, "An ingress-nginx annotation has a value it does not accept"),

    GH701("gateway-class-missing", Severity.ERROR, "A Gateway's GatewayClass is not in the input or not accepted: no controller programs it"),
    GH702("listener-invalid", Severity.ERROR, "A listener is not accepted (unsupported protocol, Passthrough on HTTPS, bad hostname)"),
    GH703("listener-without-certificate", Severity.ERROR, "An HTTPS (or TLS Terminate) listener names no certificateRefs"),
    GH704("listener-certificate-missing", Severity.ERROR, "A listener certificateRef is missing, malformed or not a Secret (InvalidCertificateRef)"),
    GH705("listener-certificate-not-permitted", Severity.ERROR, "A listener certificateRef is in another namespace without a ReferenceGrant (RefNotPermitted)"),
    GH706("listener-certificate-expired", Severity.ERROR, "A listener's certificate has expired or is not valid yet"),
    GH707("listener-certificate-hostname", Severity.ERROR, "A listener's certificate does not cover the listener hostname"),
    GH708("listener-key-mismatch", Severity.ERROR, "A listener's Secret holds a key that does not belong to its certificate"),
    GH709("listener-chain-order", Severity.ERROR, "A listener's tls.crt is not ordered leaf first"),
    GH710("listener-conflict", Severity.ERROR, "Two listeners claim one port and hostname (or incompatible protocols on one port)"),
    GH711("route-not-attached", Severity.ERROR, "A route is attached to no listener (NoMatchingParent, NotAllowedByListeners, NoMatchingListenerHostname)"),
    GH712("route-backend-missing", Severity.ERROR, "A backendRef names a Service that does not exist (BackendNotFound)"),
    GH713("route-backend-not-permitted", Severity.ERROR, "A backendRef is in another namespace without a ReferenceGrant (RefNotPermitted)"),
    GH714("route-backend-wrong-port", Severity.ERROR, "A backendRef names no port or one the Service does not have (BackendNotFound)"),
    GH715("route-backend-invalid-kind", Severity.ERROR, "A backendRef is not a core Service (InvalidKind)"),
    GH716("backend-tls-policy-ca-missing", Severity.ERROR, "A BackendTLSPolicy's CA ConfigMap or Secret is missing or has no usable ca.crt"),
    GH717("http-listener-without-redirect", Severity.WARNING, "A host served over HTTPS by a Gateway is also served over plain HTTP without a redirect"),
    GH718("host-on-ingress-and-gateway", Severity.WARNING, "A host is served by both an Ingress and a Gateway"),
    GH719("filter-not-modelled", Severity.INFO, "A RequestMirror, CORS or implementation-specific filter is shown but not applied by Gatehouse"),
    GH720("frontend-ca-unusable", Severity.ERROR, "A Gateway's client-certificate CA (spec.tls.frontend caCertificateRefs) is missing, has no readable ca.crt or is not a ConfigMap/Secret"),
    GH721("frontend-ca-not-permitted", Severity.ERROR, "A Gateway's client-certificate CA is in another namespace without a ReferenceGrant (RefNotPermitted)"),
    GH722("frontend-insecure-fallback", Severity.WARNING, "A Gateway's client-certificate validation is AllowInsecureFallback: clients without a valid certificate get in"),
    GH723("backend-client-certificate-unusable", Severity.ERROR, "A Gateway's spec.tls.backend.clientCertificateRef is missing, not a Secret or has no usable tls.crt/tls.key"),
    GH724("backend-client-certificate-not-permitted", Severity.ERROR, "A Gateway's backend clientCertificateRef is in another namespace without a ReferenceGrant (RefNotPermitted)"),
    GH725("backend-client-certificate-key-mismatch", Severity.ERROR, "The key of a Gateway's backend client certificate does not belong to its certificate"),
    GH726("backend-client-certificate-expired", Severity.ERROR, "A Gateway's backend client certificate has expired or is not valid yet");

    private final String slug;
    private final Severity severity;
    private final String title;

    DiagnosticCode(String slug, Severity severity, String title) {
        this.slug = slug;
        this.severity = severity;
        this.title = title;
    }

    /** {@code GH101}. */
    public String id() {
        return name();
    }

    /** {@code secret-missing}. */
    public String slug() {
        return slug;
    }

    public Severity severity() {
        return severity;
    }

    /** What the code means, in one line. */
    public String title() {
        return title;
    }

    /** {@code GH101 secret-missing}. */
    @Override
    public String toString() {
        return name() + " " + slug;
    }
}
