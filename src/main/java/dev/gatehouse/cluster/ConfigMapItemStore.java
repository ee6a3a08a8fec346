package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The informer store for ConfigMaps. Gatehouse reads ConfigMaps only for the CA bundles that
 * BackendTLSPolicies name ({@code ca.crt}), while clusters keep large ConfigMaps (dashboards, scripts,
 * operator state) in every namespace: so only {@value #CA_CRT} keeps its value; other keys of
 * {@code data} and {@code binaryData} keep their name with an empty value, managed fields and the
 * {@code last-applied-configuration} annotation (a copy of all data) are dropped.
 */
final class ConfigMapItemStore extends BasicItemStore<ConfigMap> {

    static final String CA_CRT = "ca.crt";

    ConfigMapItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public ConfigMap put(String key, ConfigMap configMap) {
        return super.put(key, strip(configMap));
    }

    static ConfigMap strip(ConfigMap configMap) {
        Map<String, String> data = new LinkedHashMap<>();
        if (configMap.getData() != null) {
            configMap.getData().forEach((k, v) -> data.put(k, CA_CRT.equals(k) ? v : ""));
        }
        Map<String, String> binary = new LinkedHashMap<>();
        if (configMap.getBinaryData() != null) {
            configMap.getBinaryData().keySet().forEach(k -> binary.put(k, ""));
        }
        ConfigMapBuilder b = new ConfigMapBuilder()
                .withApiVersion(configMap.getApiVersion())
                .withKind(configMap.getKind())
                .withImmutable(configMap.getImmutable())
                .withData(data)
                .withBinaryData(binary);
        if (configMap.getMetadata() != null) {
            ObjectMetaBuilder meta = new ObjectMetaBuilder(configMap.getMetadata()).withManagedFields();
            if (configMap.getMetadata().getAnnotations() != null) {
                meta.withAnnotations(SecretSummary.safeAnnotations(configMap.getMetadata().getAnnotations()));
            }
            b.withMetadata(meta.build());
        }
        return b.build();
    }
}
