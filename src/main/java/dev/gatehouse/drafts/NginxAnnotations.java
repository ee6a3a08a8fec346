package dev.gatehouse.drafts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ingress-nginx annotations the draft form edits as typed fields. Empty means "not set"
 * (the controller's default applies); other annotations pass through untouched.
 */
public record NginxAnnotations(Optional<Boolean> sslRedirect, Optional<Boolean> forceSslRedirect,
                               Optional<String> backendProtocol, Optional<String> proxySslSecret,
                               Optional<Boolean> proxySslVerify, Optional<String> authTlsSecret,
                               Optional<String> authTlsVerifyClient, Optional<String> rewriteTarget,
                               Optional<Boolean> useRegex) {

    public static final String PREFIX = "nginx.ingress.kubernetes.io/";
    static final String SSL_REDIRECT = PREFIX + "ssl-redirect";
    static final String FORCE_SSL_REDIRECT = PREFIX + "force-ssl-redirect";
    static final String BACKEND_PROTOCOL = PREFIX + "backend-protocol";
    static final String PROXY_SSL_SECRET = PREFIX + "proxy-ssl-secret";
    static final String PROXY_SSL_VERIFY = PREFIX + "proxy-ssl-verify";
    static final String AUTH_TLS_SECRET = PREFIX + "auth-tls-secret";
    static final String AUTH_TLS_VERIFY_CLIENT = PREFIX + "auth-tls-verify-client";
    static final String REWRITE_TARGET = PREFIX + "rewrite-target";
    static final String USE_REGEX = PREFIX + "use-regex";

    public static NginxAnnotations none() {
        return new NginxAnnotations(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static NginxAnnotations from(Map<String, String> a) {
        Map<String, String> m = a == null ? Map.of() : a;
        return new NginxAnnotations(bool(m.get(SSL_REDIRECT)), bool(m.get(FORCE_SSL_REDIRECT)),
                text(m.get(BACKEND_PROTOCOL)), text(m.get(PROXY_SSL_SECRET)), onOff(m.get(PROXY_SSL_VERIFY)),
                text(m.get(AUTH_TLS_SECRET)), text(m.get(AUTH_TLS_VERIFY_CLIENT)), text(m.get(REWRITE_TARGET)),
                bool(m.get(USE_REGEX)));
    }

    /** The annotations of {@code base} with these typed ones set or removed. */
    public Map<String, String> applyTo(Map<String, String> base) {
        Map<String, String> out = new LinkedHashMap<>(base == null ? Map.of() : base);
        put(out, SSL_REDIRECT, sslRedirect.map(String::valueOf));
        put(out, FORCE_SSL_REDIRECT, forceSslRedirect.map(String::valueOf));
        put(out, BACKEND_PROTOCOL, backendProtocol);
        put(out, PROXY_SSL_SECRET, proxySslSecret);
        put(out, PROXY_SSL_VERIFY, proxySslVerify.map(v -> v ? "on" : "off"));
        put(out, AUTH_TLS_SECRET, authTlsSecret);
        put(out, AUTH_TLS_VERIFY_CLIENT, authTlsVerifyClient);
        put(out, REWRITE_TARGET, rewriteTarget);
        put(out, USE_REGEX, useRegex.map(String::valueOf));
        return out;
    }

    private static void put(Map<String, String> m, String key, Optional<String> value) {
        if (value.isPresent() && !value.get().isBlank()) {
            m.put(key, value.get());
        } else {
            m.remove(key);
        }
    }

    private static Optional<Boolean> bool(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Boolean.parseBoolean(v.trim()));
    }

    private static Optional<Boolean> onOff(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of("on".equalsIgnoreCase(v.trim()));
    }

    private static Optional<String> text(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
