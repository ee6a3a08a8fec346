package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.UpstreamProtocol;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ingress-nginx annotations (prefix {@code nginx.ingress.kubernetes.io/}) that change routing, TLS
 * or the protection of a leg, parsed from one Ingress. Unparseable values fall back to the default, as
 * ingress-nginx does.
 *
 * @param sslRedirect         {@code ssl-redirect}; empty = default (true when the host has TLS)
 * @param forceSslRedirect    {@code force-ssl-redirect}
 * @param backendProtocol     {@code backend-protocol}, upper case; {@code HTTP} by default
 * @param proxySslSecret      {@code proxy-ssl-secret} as namespace/name
 * @param proxySslVerify      {@code proxy-ssl-verify: "on"}
 * @param proxySslName        {@code proxy-ssl-name}
 * @param authTlsSecret       {@code auth-tls-secret} as namespace/name
 * @param authTlsVerifyClient {@code auth-tls-verify-client}: on (default), off, optional, optional_no_ca
 * @param authTlsMatchCn      {@code auth-tls-match-cn}
 * @param sslPassthrough      {@code ssl-passthrough}
 * @param rewriteTarget       {@code rewrite-target}
 * @param useRegex            {@code use-regex}
 * @param canary              {@code canary}: the Ingress only adds weight to another one's backends
 */
public record NginxAnnotations(
        Optional<Boolean> sslRedirect,
        boolean forceSslRedirect,
        String backendProtocol,
        Optional<ObjectRef> proxySslSecret,
        boolean proxySslVerify,
        Optional<String> proxySslName,
        Optional<ObjectRef> authTlsSecret,
        String authTlsVerifyClient,
        Optional<String> authTlsMatchCn,
        boolean sslPassthrough,
        Optional<String> rewriteTarget,
        boolean useRegex,
        boolean canary) {

    /** The {@code backend-protocol} values ingress-nginx accepts (the names of {@link UpstreamProtocol}). */
    public static final Set<String> PROTOCOLS = java.util.Arrays.stream(UpstreamProtocol.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    public static final Set<String> VERIFY_CLIENT = Set.of("on", "off", "optional", "optional_no_ca");

    /** No annotations: ingress-nginx defaults. */
    public static final NginxAnnotations DEFAULTS = new NginxAnnotations(Optional.empty(), false, "HTTP",
            Optional.empty(), false, Optional.empty(), Optional.empty(), "on", Optional.empty(), false,
            Optional.empty(), false, false);

    /** Annotation names (without the prefix) this parser reads; the draft form edits some of them. */
    public static final String SSL_REDIRECT = "ssl-redirect";
    public static final String FORCE_SSL_REDIRECT = "force-ssl-redirect";
    public static final String BACKEND_PROTOCOL = "backend-protocol";
    public static final String PROXY_SSL_SECRET = "proxy-ssl-secret";
    public static final String PROXY_SSL_VERIFY = "proxy-ssl-verify";
    public static final String PROXY_SSL_NAME = "proxy-ssl-name";
    public static final String AUTH_TLS_SECRET = "auth-tls-secret";
    public static final String AUTH_TLS_VERIFY_CLIENT = "auth-tls-verify-client";
    public static final String AUTH_TLS_MATCH_CN = "auth-tls-match-cn";
    public static final String SSL_PASSTHROUGH = "ssl-passthrough";
    public static final String REWRITE_TARGET = "rewrite-target";
    public static final String USE_REGEX = "use-regex";
    public static final String CANARY = "canary";

    /** Parses the annotations of an Ingress. */
    public static NginxAnnotations of(Ingress ingress) {
        Map<String, String> all = ingress.getMetadata() == null ? null : ingress.getMetadata().getAnnotations();
        return of(all, ObjectRef.namespaceOf(ingress));
    }

    /**
     * Parses annotations as ingress-nginx reads them.
     *
     * @param all       the object's annotations (full names); {@code null} = none
     * @param namespace the Ingress's namespace, for Secret names without one
     */
    public static NginxAnnotations of(Map<String, String> all, String namespace) {
        if (all == null || all.isEmpty()) {
            return DEFAULTS;
        }
        String protocol = get(all, BACKEND_PROTOCOL).map(v -> v.trim().toUpperCase(Locale.ROOT))
                .filter(PROTOCOLS::contains).orElse("HTTP");
        String verifyClient = get(all, AUTH_TLS_VERIFY_CLIENT).map(String::trim)
                .filter(VERIFY_CLIENT::contains).orElse("on");
        return new NginxAnnotations(
                get(all, SSL_REDIRECT).flatMap(NginxAnnotations::bool),
                get(all, FORCE_SSL_REDIRECT).flatMap(NginxAnnotations::bool).orElse(false),
                protocol,
                get(all, PROXY_SSL_SECRET).map(v -> secretRef(v, namespace)),
                get(all, PROXY_SSL_VERIFY).flatMap(NginxAnnotations::onOff).orElse(false),
                get(all, PROXY_SSL_NAME).map(String::trim).filter(v -> !v.isEmpty()),
                get(all, AUTH_TLS_SECRET).map(v -> secretRef(v, namespace)),
                verifyClient,
                get(all, AUTH_TLS_MATCH_CN).map(String::trim).filter(v -> !v.isEmpty()),
                get(all, SSL_PASSTHROUGH).flatMap(NginxAnnotations::bool).orElse(false),
                get(all, REWRITE_TARGET).filter(v -> !v.isBlank()),
                get(all, USE_REGEX).flatMap(NginxAnnotations::bool).orElse(false),
                get(all, CANARY).flatMap(NginxAnnotations::bool).orElse(false));
    }

    /** {@code "on"} (any case) is on, anything else off; blank = not set. */
    public static Optional<Boolean> onOff(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of("on".equalsIgnoreCase(value.trim()));
    }

    /** The raw value of an annotation (name without the prefix), if set. */
    public static Optional<String> raw(Ingress ingress, String name) {
        Map<String, String> all = ingress.getMetadata() == null ? null : ingress.getMetadata().getAnnotations();
        return all == null ? Optional.empty() : get(all, name);
    }

    private static Optional<String> get(Map<String, String> all, String name) {
        return Optional.ofNullable(all.get(ControllerProfile.ANNOTATION_PREFIX + name));
    }

    /** Go's strconv.ParseBool, which ingress-nginx uses: empty when the value is none of its spellings. */
    public static Optional<Boolean> bool(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim()) {
            case "1", "t", "T", "true", "TRUE", "True" -> Optional.of(true);
            case "0", "f", "F", "false", "FALSE", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static ObjectRef secretRef(String value, String defaultNamespace) {
        String v = value.trim();
        int slash = v.indexOf('/');
        return slash < 0 ? ObjectRef.secret(defaultNamespace, v)
                : ObjectRef.secret(v.substring(0, slash), v.substring(slash + 1));
    }

    /** Paths of this Ingress's hosts are regular expressions ({@code use-regex} or {@code rewrite-target}). */
    public boolean regex() {
        return useRegex || rewriteTarget.isPresent();
    }

    /** The controller speaks TLS to the backend. */
    public boolean backendEncrypted() {
        return "HTTPS".equals(backendProtocol) || "GRPCS".equals(backendProtocol);
    }

    /** Client certificates are checked on the front leg. */
    public boolean clientCertificatesChecked() {
        return authTlsSecret.isPresent() && !"off".equals(authTlsVerifyClient);
    }
}
