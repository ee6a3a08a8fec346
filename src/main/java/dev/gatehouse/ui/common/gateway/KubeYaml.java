package dev.gatehouse.ui.common.gateway;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** An object's YAML as kubectl shows it, without managedFields (noise for a human). */
public final class KubeYaml {
    private KubeYaml() {
    }

    public static String of(HasMetadata object) {
        if (object == null) {
            return "";
        }
        HasMetadata copy = Serialization.clone(object);
        if (copy.getMetadata() != null) {
            copy.getMetadata().setManagedFields(null);
        }
        return Serialization.asYaml(copy);
    }
}
