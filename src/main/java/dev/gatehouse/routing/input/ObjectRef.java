package dev.gatehouse.routing.input;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;

/**
 * Names a Kubernetes object in messages and results: {@code Ingress shop/web}, {@code IngressClass nginx}.
 *
 * @param kind      the object's kind, e.g. {@code Ingress}
 * @param namespace its namespace; empty for cluster-scoped objects
 * @param name      its name
 */
public record ObjectRef(String kind, String namespace, String name) implements Comparable<ObjectRef> {

    /** Namespace used for namespaced objects that do not state one. */
    public static final String DEFAULT_NAMESPACE = "default";

    private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::kind)
            .thenComparing(ObjectRef::namespace).thenComparing(ObjectRef::name);

    public ObjectRef {
        kind = kind == null ? "" : kind;
        namespace = namespace == null ? "" : namespace;
        name = name == null ? "" : name;
    }

    public static ObjectRef ingress(String namespace, String name) {
        return new ObjectRef("Ingress", namespace, name);
    }

    public static ObjectRef secret(String namespace, String name) {
        return new ObjectRef("Secret", namespace, name);
    }

    public static ObjectRef service(String namespace, String name) {
        return new ObjectRef("Service", namespace, name);
    }

    public static ObjectRef ingressClass(String name) {
        return new ObjectRef("IngressClass", "", name);
    }

    /** The reference of an object; a namespaced object without namespace is in {@code default}. */
    public static ObjectRef of(HasMetadata object) {
        String kind = object.getKind() != null ? object.getKind() : object.getClass().getSimpleName();
        String ns = namespaceOf(object);
        return new ObjectRef(kind, "IngressClass".equals(kind) ? "" : ns, nameOf(object));
    }

    public static String namespaceOf(HasMetadata object) {
        String ns = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        return ns == null || ns.isBlank() ? DEFAULT_NAMESPACE : ns;
    }

    public static String nameOf(HasMetadata object) {
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        return name == null ? "" : name;
    }

    /** {@code namespace/name}, or just the name for cluster-scoped objects. */
    public String path() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    @Override
    public String toString() {
        return kind + " " + path();
    }

    @Override
    public int compareTo(ObjectRef other) {
        return ORDER.compare(this, other);
    }
}
