package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.tls.ChainAnalysis;
import dev.gatehouse.tls.ChainAnalyzer;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.PemReader;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reads and analyses Secrets of a view once each (per model snapshot). Thread-safe. */
public final class SecretStore {

    private final ClusterView view;
    private final ChainAnalyzer analyzer;
    private final Map<ObjectRef, SecretState> cache = new ConcurrentHashMap<>();

    public SecretStore(ClusterView view, ChainAnalyzer analyzer) {
        this.view = view;
        this.analyzer = analyzer;
    }

    /** The state of a Secret. */
    public SecretState get(ObjectRef ref) {
        return cache.computeIfAbsent(ref, this::read);
    }

    public SecretState get(String namespace, String name) {
        return get(ObjectRef.secret(namespace, name));
    }

    private SecretState read(ObjectRef ref) {
        Optional<Secret> found = view.secret(ref.namespace(), ref.name());
        if (found.isEmpty()) {
            SecretState.Presence presence = view.scope().secrets() ? SecretState.Presence.MISSING
                    : SecretState.Presence.NOT_IN_INPUT;
            String why = presence == SecretState.Presence.MISSING ? "Secret " + ref.path() + " does not exist"
                    : "Secret " + ref.path() + " is not in the input";
            return new SecretState(ref, presence, Optional.empty(), false, false, false, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(why), Optional.empty());
        }
        Secret secret = found.get();
        PemReader pem = new PemReader(); // per read: its BouncyCastle converters are not documented thread-safe
        Optional<String> type = Optional.ofNullable(secret.getType());
        Value crt = value(secret, "tls.crt");
        Value key = value(secret, "tls.key");
        Value ca = value(secret, "ca.crt");
        Optional<ParsedMaterial> crtMaterial = crt.text().map(t -> pem.read(t, "tls.crt"));
        Optional<ParsedMaterial> keyMaterial = key.text().map(t -> pem.read(t, "tls.key")
                .without(MaterialProblem.Kind.KEY_WITHOUT_CERTIFICATE));
        Optional<ParsedMaterial> caMaterial = ca.text().map(t -> pem.read(t, "ca.crt"));
        Optional<ChainAnalysis> chain = crtMaterial.map(c -> analyzer.analyze(c.chain(),
                keyMaterial.flatMap(ParsedMaterial::firstKey).map(k -> k.privateKey())));
        Optional<String> unusable = unusable(ref, crt, key, crtMaterial, keyMaterial, chain);
        return new SecretState(ref, SecretState.Presence.PRESENT, type, crt.present(), key.present(), ca.present(),
                crtMaterial, keyMaterial, caMaterial, chain, unusable, managedBy(secret));
    }

    private static Optional<String> unusable(ObjectRef ref, Value crt, Value key, Optional<ParsedMaterial> crtMaterial,
                                             Optional<ParsedMaterial> keyMaterial, Optional<ChainAnalysis> chain) {
        if (crt.error().isPresent()) {
            return crt.error();
        }
        if (key.error().isPresent()) {
            return key.error();
        }
        if (!crt.present() || !key.present()) {
            String missing = !crt.present() && !key.present() ? "tls.crt and tls.key"
                    : !crt.present() ? "tls.crt" : "tls.key";
            return Optional.of("Secret " + ref.path() + " has no " + missing);
        }
        if (crtMaterial.map(m -> m.chain().isEmpty()).orElse(true)) {
            return Optional.of("tls.crt of Secret " + ref.path() + " holds no readable certificate"
                    + firstProblem(crtMaterial));
        }
        if (keyMaterial.map(m -> m.keys().isEmpty()).orElse(true)) {
            return Optional.of("tls.key of Secret " + ref.path() + " holds no readable private key"
                    + firstProblem(keyMaterial));
        }
        boolean matchesFirst = chain.map(c -> c.keyMatchIndex().isPresent() && c.keyMatchIndex().getAsInt() == 0)
                .orElse(false);
        if (!matchesFirst) {
            return Optional.of("the private key in Secret " + ref.path() + " does not match the first certificate"
                    + " of tls.crt");
        }
        return Optional.empty();
    }

    private static Optional<String> managedBy(Secret secret) {
        Map<String, String> annotations = secret.getMetadata() == null ? null : secret.getMetadata().getAnnotations();
        return annotations == null ? Optional.empty()
                : Optional.ofNullable(annotations.get(SecretState.CERT_MANAGER_ANNOTATION)).filter(s -> !s.isBlank());
    }

    private static String firstProblem(Optional<ParsedMaterial> material) {
        return material.flatMap(m -> m.problems().stream().findFirst()).map(p -> " (" + p.message() + ")").orElse("");
    }

    /** A Secret value: from {@code data} (base64) or {@code stringData} (plain, as in YAML files). */
    private static Value value(Secret secret, String name) {
        String plain = secret.getStringData() == null ? null : secret.getStringData().get(name);
        if (plain != null && !plain.isBlank()) {
            return new Value(Optional.of(plain), Optional.empty());
        }
        String encoded = secret.getData() == null ? null : secret.getData().get(name);
        if (encoded == null || encoded.isBlank()) {
            return new Value(Optional.empty(), Optional.empty());
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(encoded.trim());
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new Value(text.isBlank() ? Optional.empty() : Optional.of(text), Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Value(Optional.empty(), Optional.of(name + " of Secret " + ObjectRef.of(secret).path()
                    + " is not valid base64"));
        }
    }

    private record Value(Optional<String> text, Optional<String> error) {
        boolean present() {
            return text.isPresent() || error.isPresent();
        }
    }
}
