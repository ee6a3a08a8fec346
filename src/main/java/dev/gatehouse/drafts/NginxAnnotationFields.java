package dev.gatehouse.drafts;

import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.model.NginxAnnotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ingress-nginx annotations the draft form edits as typed fields. Values are read by the engine's
 * one parser ({@link NginxAnnotations}), so the form shows what the controller understands. Empty means
 * "not set or not understood" (the controller's default applies). {@link #applyTo} writes only the
 * fields that changed: an untouched annotation keeps its exact text, and other annotations pass through.
 */
public record NginxAnnotationFields(Optional<Boolean> sslRedirect, Optional<Boolean> forceSslRedirect,
                                    Optional<String> backendProtocol, Optional<String> proxySslSecret,
                                    Optional<Boolean> proxySslVerify, Optional<String> authTlsSecret,
                                    Optional<String> authTlsVerifyClient, Optional<String> rewriteTarget,
                                    Optional<Boolean> useRegex) {

    public static final String PREFIX = ControllerProfile.ANNOTATION_PREFIX;

    /** One typed field: its annotation, its value here and how a value is written back. */
    private record Field<T>(String name, Function<NginxAnnotationFields, Optional<T>> get, Function<T, String> write) {
        String key() {
            return PREFIX + name;
        }
    }

    private static final List<Field<?>> FIELDS = List.of(
            new Field<>(NginxAnnotations.SSL_REDIRECT, NginxAnnotationFields::sslRedirect, String::valueOf),
            new Field<>(NginxAnnotations.FORCE_SSL_REDIRECT, NginxAnnotationFields::forceSslRedirect, String::valueOf),
            new Field<>(NginxAnnotations.BACKEND_PROTOCOL, NginxAnnotationFields::backendProtocol, Function.identity()),
            new Field<>(NginxAnnotations.PROXY_SSL_SECRET, NginxAnnotationFields::proxySslSecret, Function.identity()),
            new Field<>(NginxAnnotations.PROXY_SSL_VERIFY, NginxAnnotationFields::proxySslVerify,
                    (Boolean on) -> on ? "on" : "off"),
            new Field<>(NginxAnnotations.AUTH_TLS_SECRET, NginxAnnotationFields::authTlsSecret, Function.identity()),
            new Field<>(NginxAnnotations.AUTH_TLS_VERIFY_CLIENT, NginxAnnotationFields::authTlsVerifyClient,
                    Function.identity()),
            new Field<>(NginxAnnotations.REWRITE_TARGET, NginxAnnotationFields::rewriteTarget, Function.identity()),
            new Field<>(NginxAnnotations.USE_REGEX, NginxAnnotationFields::useRegex, String::valueOf));

    public static NginxAnnotationFields none() {
        return new NginxAnnotationFields(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The typed fields of an object's annotations ({@code null} = none), read by the engine's parser. */
    public static NginxAnnotationFields from(Map<String, String> annotations) {
        Map<String, String> m = annotations == null ? Map.of() : annotations;
        Function<String, String> v = name -> m.get(PREFIX + name);
        return new NginxAnnotationFields(NginxAnnotations.bool(v.apply(NginxAnnotations.SSL_REDIRECT)),
                NginxAnnotations.bool(v.apply(NginxAnnotations.FORCE_SSL_REDIRECT)),
                text(v.apply(NginxAnnotations.BACKEND_PROTOCOL)), text(v.apply(NginxAnnotations.PROXY_SSL_SECRET)),
                NginxAnnotations.onOff(v.apply(NginxAnnotations.PROXY_SSL_VERIFY)),
                text(v.apply(NginxAnnotations.AUTH_TLS_SECRET)), text(v.apply(NginxAnnotations.AUTH_TLS_VERIFY_CLIENT)),
                text(v.apply(NginxAnnotations.REWRITE_TARGET)), NginxAnnotations.bool(v.apply(NginxAnnotations.USE_REGEX)));
    }

    /**
     * The annotations of {@code base} with these typed fields set or removed. A field that still reads as
     * it does in {@code base} leaves that annotation exactly as written.
     */
    public Map<String, String> applyTo(Map<String, String> base) {
        Map<String, String> out = new LinkedHashMap<>(base == null ? Map.of() : base);
        NginxAnnotationFields before = from(base);
        for (Field<?> field : FIELDS) {
            write(field, before, out);
        }
        return out;
    }

    private <T> void write(Field<T> field, NginxAnnotationFields before, Map<String, String> out) {
        Optional<T> value = field.get().apply(this);
        if (Objects.equals(value, field.get().apply(before))) {
            return;
        }
        Optional<String> text = value.map(field.write()).filter(v -> !v.isBlank());
        if (text.isPresent()) {
            out.put(field.key(), text.get());
        } else {
            out.remove(field.key());
        }
    }

    /** How the controller reads these fields (for an Ingress in {@code namespace}). */
    public NginxAnnotations interpreted(String namespace) {
        return NginxAnnotations.of(applyTo(Map.of()), namespace);
    }

    private static Optional<String> text(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
