package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The informer store for Secrets: keeps a stripped copy of every Secret, with the values of
 * {@code tls.crt}, {@code ca.crt} and {@code tls.key} only (other keys keep their name with an
 * empty value), without managed fields and without the
 * {@code kubectl.kubernetes.io/last-applied-configuration} annotation (which holds a copy of
 * all data). fabric8 8.0.0 has no informer transform, so this is
 * where the stripping happens.
 */
final class SecretItemStore extends BasicItemStore<Secret> {

    SecretItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public Secret put(String key, Secret secret) {
        return super.put(key, strip(secret));
    }

    static Secret strip(Secret secret) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> kept.put(k, SecretSummary.KEPT_KEYS.contains(k) ? v : ""));
        }
        SecretBuilder b = new SecretBuilder()
                .withApiVersion(secret.getApiVersion())
                .withKind(secret.getKind())
                .withType(secret.getType())
                .withImmutable(secret.getImmutable())
                .withData(kept);
        if (secret.getMetadata() != null) {
            ObjectMetaBuilder meta = new ObjectMetaBuilder(secret.getMetadata()).withManagedFields();
            if (secret.getMetadata().getAnnotations() != null) {
                meta.withAnnotations(SecretSummary.safeAnnotations(secret.getMetadata().getAnnotations()));
            }
            b.withMetadata(meta.build());
        }
        return b.build();
    }
}
