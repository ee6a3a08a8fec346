package dev.gatehouse.routing.model;

import dev.gatehouse.routing.ControllerProfile;
import dev.gatehouse.routing.ObjectRef;
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

    public static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTPS", "GRPC", "GRPCS", "AUTO_HTTP", "FCGI");
    public static final Set<String> VERIFY_CLIENT = Set.of("on", "off", "optional", "optional_no_ca");

    /** No annotations: ingress-nginx defaults. */
    public static final NginxAnnotations DEFAULTS = new NginxAnnotations(Optional.empty(), false, "HTTP",
            Optional.empty(), false, Optional.empty(), Optional.empty(), "on", Optional.empty(), false,
            Optional.empty(), false, false);

    /** Parses the annotations of an Ingress. */
    public static NginxAnnotations of(Ingress ingress) {
        Map<String, String> all = ingress.getMetadata() == null ? null : ingress.getMetadata().getAnnotations();
        if (all == null || all.isEmpty()) {
            return DEFAULTS;
        }
        String namespace = ObjectRef.namespaceOf(ingress);
        String protocol = get(all, "backend-protocol").map(v -> v.trim().toUpperCase(Locale.ROOT))
                .filter(PROTOCOLS::contains).orElse("HTTP");
        String verifyClient = get(all, "auth-tls-verify-client").map(String::trim)
                .filter(VERIFY_CLIENT::contains).orElse("on");
        return new NginxAnnotations(
                get(all, "ssl-redirect").flatMap(NginxAnnotations::bool),
                get(all, "force-ssl-redirect").flatMap(NginxAnnotations::bool).orElse(false),
                protocol,
                get(all, "proxy-ssl-secret").map(v -> secretRef(v, namespace)),
                get(all, "proxy-ssl-verify").map(v -> "on".equalsIgnoreCase(v.trim())).orElse(false),
                get(all, "proxy-ssl-name").map(String::trim).filter(v -> !v.isEmpty()),
                get(all, "auth-tls-secret").map(v -> secretRef(v, namespace)),
                verifyClient,
                get(all, "auth-tls-match-cn").map(String::trim).filter(v -> !v.isEmpty()),
                get(all, "ssl-passthrough").flatMap(NginxAnnotations::bool).orElse(false),
                get(all, "rewrite-target").filter(v -> !v.isBlank()),
                get(all, "use-regex").flatMap(NginxAnnotations::bool).orElse(false),
                get(all, "canary").flatMap(NginxAnnotations::bool).orElse(false));
    }

    /** The raw value of an annotation (name without the prefix), if set. */
    public static Optional<String> raw(Ingress ingress, String name) {
        Map<String, String> all = ingress.getMetadata() == null ? null : ingress.getMetadata().getAnnotations();
        return all == null ? Optional.empty() : get(all, name);
    }

    private static Optional<String> get(Map<String, String> all, String name) {
        return Optional.ofNullable(all.get(ControllerProfile.ANNOTATION_PREFIX + name));
    }

    /** Go's strconv.ParseBool, which ingress-nginx uses. */
    static Optional<Boolean> bool(String value) {
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
