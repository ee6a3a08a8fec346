package dev.gatehouse.drafts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.function.Supplier;

/** What the Gateway API forms share when they write into an object: its identity, and blank = unset. */
final class FormValues {

    private FormValues() {
    }

    /**
     * A copy of {@code existing} (a new object when null) with the Gateway API's apiVersion and the form's
     * namespace and name (the caller sets the kind); the original is never changed.
     */
    static <T extends HasMetadata> T copyWithIdentity(T existing, Supplier<T> fresh, String namespace, String name) {
        T object = existing == null ? fresh.get() : Serialization.clone(existing);
        object.setApiVersion("gateway.networking.k8s.io/v1");
        if (object.getMetadata() == null) {
            object.setMetadata(new ObjectMeta());
        }
        object.getMetadata().setNamespace(blankToNull(namespace));
        object.getMetadata().setName(blankToNull(name));
        return object;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
