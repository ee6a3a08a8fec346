package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassResolution;
import dev.gatehouse.routing.model.ClassVerdict;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which Ingresses to migrate: named ones (one or a selection), those of a namespace, those of a class, or
 * every Ingress ingress-nginx serves. The filters combine (all must hold). Only Ingresses the controller
 * actually serves (its class) are migrated; the others have no behaviour to carry over.
 *
 * @param namespace    only this namespace
 * @param ingressClass only Ingresses of this class ({@code spec.ingressClassName} or the legacy annotation)
 * @param names        only these Ingresses (empty = no restriction)
 */
public record Selection(Optional<String> namespace, Optional<String> ingressClass, Set<ObjectRef> names) {

    public Selection {
        names = Set.copyOf(names);
    }

    /** Every Ingress the controller serves. */
    public static Selection all() {
        return new Selection(Optional.empty(), Optional.empty(), Set.of());
    }

    public static Selection of(ObjectRef... ingresses) {
        return new Selection(Optional.empty(), Optional.empty(), Set.of(ingresses));
    }

    public Selection inNamespace(String name) {
        return new Selection(Optional.of(name), ingressClass, names);
    }

    public Selection ofClass(String name) {
        return new Selection(namespace, Optional.of(name), names);
    }

    /** The selected Ingresses the controller serves, oldest first as ingress-nginx orders them. */
    public List<Ingress> select(ClassResolution classes) {
        return classes.accepted().stream()
                .filter(v -> namespace.map(n -> n.equals(v.ref().namespace())).orElse(true))
                .filter(v -> ingressClass.map(c -> v.className().map(c::equals).orElse(false)).orElse(true))
                .filter(v -> names.isEmpty() || names.contains(v.ref()))
                .map(ClassVerdict::ingress)
                .toList();
    }

    /** Named Ingresses that are not served by the controller or not in the input (for the report). */
    public List<ObjectRef> missing(ClassResolution classes) {
        return names.stream().filter(n -> classes.accepted().stream().noneMatch(v -> v.ref().equals(n)))
                .sorted().toList();
    }

    /** One line for people: "every Ingress of class nginx in namespace shop". */
    public String describe() {
        StringBuilder s = new StringBuilder(names.isEmpty() ? "every Ingress ingress-nginx serves"
                : names.stream().sorted().map(ObjectRef::path).reduce((a, b) -> a + ", " + b).orElse(""));
        ingressClass.ifPresent(c -> s.append(" of class ").append(c));
        namespace.ifPresent(n -> s.append(" in namespace ").append(n));
        return s.toString();
    }
}
