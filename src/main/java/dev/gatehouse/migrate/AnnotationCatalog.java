package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import java.util.Map;
import java.util.Optional;

/**
 * What becomes of each annotation the converters did not already account for: converted (where to), not
 * needed, or not converted with why and what to do instead. Every annotation of every converted Ingress gets
 * exactly one note; an ingress-nginx annotation this table does not know is reported as not converted.
 */
final class AnnotationCatalog {

    /** One row: the status and its text ({@code where} for converted ones, {@code why} otherwise). */
    private record Row(ConversionNote.Status status, String text, String instead) {
    }

    private static final String CHECK = "check your Gateway implementation's own policy resources for it";

    private static final Map<String, Row> NGINX = Map.ofEntries(
            converted("ssl-redirect", "the HTTP listener's HTTPRoute: RequestRedirect scheme https, 308 (false: the"
                    + " HTTP route serves the rules instead)"),
            converted("force-ssl-redirect", "the HTTP listener's HTTPRoute: RequestRedirect scheme https, 308"),
            converted("use-regex", "RegularExpression path matches (case-insensitive, matched at the start) for the"
                    + " paths with regex syntax; literal paths keep Exact / PathPrefix"),
            converted("app-root", "a first rule Exact / with RequestRedirect ReplaceFullPath, 302"),
            converted("permanent-redirect", "RequestRedirect (hostname, path ReplaceFullPath), 301 or the code"),
            converted("permanent-redirect-code", "the RequestRedirect statusCode"),
            converted("temporal-redirect", "RequestRedirect (hostname, path ReplaceFullPath), 302"),
            converted("enable-cors", "a CORS filter (Gateway API extended)"),
            converted("cors-allow-origin", "CORS allowOrigins"), converted("cors-allow-methods", "CORS allowMethods"),
            converted("cors-allow-headers", "CORS allowHeaders"), converted("cors-expose-headers", "CORS exposeHeaders"),
            converted("cors-allow-credentials", "CORS allowCredentials"), converted("cors-max-age", "CORS maxAge"),
            converted("proxy-read-timeout", "the rule's timeouts.backendRequest"),
            converted("upstream-vhost", "URLRewrite hostname"),
            notConverted("proxy-send-timeout", "Gateway API has one backendRequest timeout (set from"
                    + " proxy-read-timeout), no separate send timeout", CHECK),
            notConverted("proxy-connect-timeout", "Gateway API has no connect timeout", CHECK),
            notConverted("proxy-body-size", "Gateway API has no request body limit", CHECK),
            notConverted("affinity", "session affinity by cookie is Gateway API's experimental sessionPersistence",
                    "set rules[].sessionPersistence (experimental) if your implementation supports it"),
            notConverted("session-cookie-name", "part of affinity, see there", "see affinity"),
            notConverted("configuration-snippet", "raw nginx configuration has no Gateway API form",
                    "express what the snippet does with filters, or your implementation's policy"),
            notConverted("server-snippet", "raw nginx configuration has no Gateway API form",
                    "express what the snippet does with filters, or your implementation's policy"),
            notConverted("auth-url", "external authentication is the ExternalAuth filter (experimental)",
                    "use an ExternalAuth filter or your implementation's auth policy"),
            notConverted("auth-signin", "part of auth-url", "see auth-url"),
            notConverted("canary-by-cookie", "Gateway API matches headers, not cookie values by name",
                    "match the Cookie header with a RegularExpression header match, or use a header"),
            notConverted("proxy-redirect-from", "Gateway API does not rewrite Location headers of responses", CHECK),
            notConverted("proxy-redirect-to", "see proxy-redirect-from", CHECK),
            notConverted("custom-headers", "it names a ConfigMap of headers the converter cannot read",
                    "add a ResponseHeaderModifier with those headers"),
            notConverted("limit-rps", "Gateway API has no rate limiting", CHECK),
            notConverted("limit-connections", "Gateway API has no connection limits", CHECK),
            notConverted("whitelist-source-range", "Gateway API has no source-address filter", CHECK),
            notConverted("denylist-source-range", "Gateway API has no source-address filter", CHECK),
            notConverted("auth-tls-verify-depth", "Gateway API frontend validation has no depth setting",
                    "make sure the CA bundle holds only the CAs you want"),
            notConverted("auth-tls-match-cn", "Gateway API frontend validation checks the chain, not the subject",
                    "check the subject in the backend or with your implementation's policy"),
            notConverted("auth-tls-pass-certificate-to-upstream", "Gateway API does not forward the client"
                    + " certificate", CHECK),
            notConverted("auth-tls-error-page", "a Gateway refuses the handshake instead of answering a page", ""),
            notConverted("server-alias", "aliases are more hostnames", "add the aliases to the HTTPRoute's hostnames"
                    + " (and listeners for them)"),
            notConverted("x-forwarded-prefix", "Gateway API has no X-Forwarded-Prefix setting",
                    "add it with a RequestHeaderModifier"),
            notConverted("load-balance", "Gateway API has no load-balancing algorithm setting", CHECK),
            notConverted("upstream-hash-by", "Gateway API has no consistent-hash setting", CHECK),
            notConverted("ssl-ciphers", "TLS settings of a listener are implementation-specific (tls.options)",
                    "set listener tls.options as your implementation documents"),
            notConverted("proxy-buffering", "Gateway API has no buffering settings", CHECK));

    private static Map.Entry<String, Row> converted(String name, String where) {
        return Map.entry(name, new Row(ConversionNote.Status.CONVERTED, where, ""));
    }

    private static Map.Entry<String, Row> notConverted(String name, String why, String instead) {
        return Map.entry(name, new Row(ConversionNote.Status.NOT_CONVERTED, why, instead));
    }

    private final PlanBuilder plan;

    AnnotationCatalog(PlanBuilder plan) {
        this.plan = plan;
    }

    void noteAll(ObjectRef ingress, Map<String, String> annotations) {
        annotations.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!plan.noted(ingress, e.getKey())) {
                plan.note(note(ingress, e.getKey(), e.getValue()));
            }
        });
    }

    private static ConversionNote note(ObjectRef ingress, String key, String value) {
        if (!key.startsWith(AnnotationReader.PREFIX)) {
            return other(ingress, key, value);
        }
        String name = key.substring(AnnotationReader.PREFIX.length());
        Optional<Row> row = Optional.ofNullable(NGINX.get(name)).or(() -> name.startsWith("session-cookie-")
                ? Optional.of(NGINX.get("session-cookie-name")) : Optional.empty());
        if (row.isPresent()) {
            Row r = row.get();
            return r.status() == ConversionNote.Status.CONVERTED ? ConversionNote.converted(ingress, key, value, r.text())
                    : ConversionNote.notConverted(ingress, key, value, r.text(), r.instead());
        }
        return switch (name) {
            case "backend-protocol" -> "HTTP".equalsIgnoreCase(value.trim())
                    ? ConversionNote.notNeeded(ingress, key, value, "plain HTTP to the backend is what an HTTPRoute does")
                    : ConversionNote.notConverted(ingress, key, value, value + " to the backend: the routes are"
                    + " HTTPRoutes", "use a GRPCRoute for gRPC backends (and a BackendTLSPolicy for GRPCS)");
            case "proxy-ssl-secret", "proxy-ssl-verify", "proxy-ssl-name", "proxy-ssl-server-name" ->
                    ConversionNote.notConverted(ingress, key, value, "the backend is not verified by ingress-nginx"
                    + " (or not re-encrypted), so no BackendTLSPolicy carries it", "give the backend's CA in the"
                    + " BackendTLSPolicy's caCertificateRefs");
            case "ssl-passthrough" -> ConversionNote.notNeeded(ingress, key, value, "ingress-nginx ignores it here"
                    + " (without --enable-ssl-passthrough, or it is off), so nothing is passed through");
            case "auth-tls-secret", "auth-tls-verify-client" -> ConversionNote.notNeeded(ingress, key, value,
                    "ingress-nginx does not check client certificates for these hosts (no TLS, or off)");
            case "rewrite-target" -> ConversionNote.notNeeded(ingress, key, value, "no path of this Ingress uses it");
            default -> ConversionNote.notConverted(ingress, key, value, "Gatehouse knows no Gateway API form of"
                    + " this ingress-nginx annotation", CHECK);
        };
    }

    private static ConversionNote other(ObjectRef ingress, String key, String value) {
        if (key.equals("kubernetes.io/ingress.class")) {
            return ConversionNote.converted(ingress, key, value, "the Gateway's gatewayClassName replaces the class");
        }
        if (key.equals("kubectl.kubernetes.io/last-applied-configuration")) {
            return ConversionNote.notNeeded(ingress, key, "…", "kubectl's bookkeeping; it is rewritten on apply");
        }
        if (key.startsWith("cert-manager.io/")) {
            return ConversionNote.notConverted(ingress, key, value, "cert-manager reads this on an Ingress; its"
                    + " Gateway support reads it on the Gateway", "put the annotation on the Gateway (cert-manager"
                    + " with Gateway API support enabled)");
        }
        return ConversionNote.notConverted(ingress, key, value, "not an ingress-nginx annotation: it does not"
                + " change routing, and tools that read it on the Ingress will not find it on the routes",
                "copy it to the HTTPRoutes if something reads it");
    }
}
