package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ControllerProfile;
import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IngressClass selection for every Ingress of a view: {@code spec.ingressClassName}, else the legacy
 * annotation {@code kubernetes.io/ingress.class}, else the IngressClass marked
 * {@code ingressclass.kubernetes.io/is-default-class: "true"}.
 *
 * <p>When the view holds no IngressClass at all (typical for YAML files) the controller's own class
 * is assumed to exist and to be the default ({@link #implicitClass()}): the input cannot tell otherwise.
 *
 * @param verdicts       one per Ingress, in the view's order
 * @param implicitClass  true when no IngressClass was in the view and the controller's was assumed
 * @param defaultClasses IngressClasses marked default
 */
public record ClassResolution(List<ClassVerdict> verdicts, boolean implicitClass, List<IngressClass> defaultClasses) {

    public static final String LEGACY_ANNOTATION = "kubernetes.io/ingress.class";
    public static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

    public ClassResolution {
        verdicts = List.copyOf(verdicts);
        defaultClasses = List.copyOf(defaultClasses);
    }

    /** Resolves the class of every Ingress in the view. */
    public static ClassResolution resolve(ClusterView view, ControllerProfile profile) {
        List<IngressClass> classes = view.ingressClasses();
        boolean implicit = classes.isEmpty();
        List<IngressClass> defaults = classes.stream().filter(ClassResolution::isDefault).toList();
        List<ClassVerdict> verdicts = new ArrayList<>();
        for (Ingress ingress : view.ingresses()) {
            verdicts.add(verdict(ingress, classes, defaults, implicit, profile));
        }
        return new ClassResolution(verdicts, implicit, defaults);
    }

    public static boolean isDefault(IngressClass ingressClass) {
        Map<String, String> annotations = ingressClass.getMetadata() == null ? null
                : ingressClass.getMetadata().getAnnotations();
        return annotations != null && "true".equalsIgnoreCase(annotations.get(DEFAULT_CLASS_ANNOTATION));
    }

    public static String controllerOf(IngressClass ingressClass) {
        return ingressClass.getSpec() == null || ingressClass.getSpec().getController() == null ? ""
                : ingressClass.getSpec().getController();
    }

    private static ClassVerdict verdict(Ingress ingress, List<IngressClass> classes, List<IngressClass> defaults,
                                        boolean implicit, ControllerProfile profile) {
        ObjectRef ref = ObjectRef.of(ingress);
        String spec = ingress.getSpec() == null ? null : ingress.getSpec().getIngressClassName();
        if (spec != null && !spec.isBlank()) {
            return bySpec(ingress, ref, spec, classes, implicit, profile);
        }
        Map<String, String> annotations = ingress.getMetadata() == null ? null : ingress.getMetadata().getAnnotations();
        String legacy = annotations == null ? null : annotations.get(LEGACY_ANNOTATION);
        if (legacy != null && !legacy.isBlank()) {
            Optional<String> name = Optional.of(legacy);
            if (legacy.equals(profile.className())) {
                return new ClassVerdict(ingress, ref, ClassVerdict.Status.ACCEPTED, name,
                        ClassVerdict.Source.LEGACY_ANNOTATION,
                        "the legacy annotation " + LEGACY_ANNOTATION + ": " + legacy + " selects ingress-nginx");
            }
            return new ClassVerdict(ingress, ref, ClassVerdict.Status.FOREIGN, name,
                    ClassVerdict.Source.LEGACY_ANNOTATION, "the legacy annotation " + LEGACY_ANNOTATION + ": "
                    + legacy + " asks for another controller (ingress-nginx answers to " + profile.className() + ")");
        }
        if (implicit) {
            return new ClassVerdict(ingress, ref, ClassVerdict.Status.ACCEPTED, Optional.of(profile.className()),
                    ClassVerdict.Source.DEFAULT_CLASS, "it has no class; ingress-nginx's class " + profile.className()
                    + " is assumed to be the default (no IngressClass in the input)");
        }
        if (!defaults.isEmpty()) {
            IngressClass def = defaults.get(0);
            String name = ObjectRef.nameOf(def);
            if (profile.controllerName().equals(controllerOf(def))) {
                return new ClassVerdict(ingress, ref, ClassVerdict.Status.ACCEPTED, Optional.of(name),
                        ClassVerdict.Source.DEFAULT_CLASS, "it has no class, so it gets the default IngressClass " + name);
            }
            return new ClassVerdict(ingress, ref, ClassVerdict.Status.FOREIGN, Optional.of(name),
                    ClassVerdict.Source.DEFAULT_CLASS, "it has no class; the default IngressClass " + name
                    + " belongs to " + controllerOf(def));
        }
        if (profile.watchIngressWithoutClass()) {
            return new ClassVerdict(ingress, ref, ClassVerdict.Status.ACCEPTED, Optional.empty(),
                    ClassVerdict.Source.WITHOUT_CLASS_FLAG,
                    "it has no class and ingress-nginx runs with --watch-ingress-without-class");
        }
        return new ClassVerdict(ingress, ref, ClassVerdict.Status.NO_CLASS, Optional.empty(), ClassVerdict.Source.NONE,
                "it has no ingressClassName, no " + LEGACY_ANNOTATION + " annotation, and no IngressClass is"
                        + " marked default, so no controller serves it");
    }

    private static ClassVerdict bySpec(Ingress ingress, ObjectRef ref, String spec, List<IngressClass> classes,
                                       boolean implicit, ControllerProfile profile) {
        Optional<String> name = Optional.of(spec);
        if (implicit) {
            if (spec.equals(profile.className())) {
                return new ClassVerdict(ingress, ref, ClassVerdict.Status.ACCEPTED, name, ClassVerdict.Source.SPEC,
                        "ingressClassName " + spec + " is ingress-nginx's class (assumed: no IngressClass in the input)");
            }
            return new ClassVerdict(ingress, ref, ClassVerdict.Status.FOREIGN, name, ClassVerdict.Source.SPEC,
                    "ingressClassName " + spec + " is not ingress-nginx's class " + profile.className());
        }
        Optional<IngressClass> found = classes.stream().filter(c -> spec.equals(ObjectRef.nameOf(c))).findFirst();
        if (found.isEmpty()) {
            return new ClassVerdict(ingress, ref, ClassVerdict.Status.UNKNOWN_CLASS, name, ClassVerdict.Source.SPEC,
                    "ingressClassName " + spec + " names an IngressClass that does not exist");
        }
        String controller = controllerOf(found.get());
        if (profile.controllerName().equals(controller)) {
            return new ClassVerdict(ingress, ref, ClassVerdict.Status.ACCEPTED, name, ClassVerdict.Source.SPEC,
                    "ingressClassName " + spec + " is handled by " + controller);
        }
        return new ClassVerdict(ingress, ref, ClassVerdict.Status.FOREIGN, name, ClassVerdict.Source.SPEC,
                "ingressClassName " + spec + " belongs to another controller (" + controller + ")");
    }

    public List<ClassVerdict> accepted() {
        return verdicts.stream().filter(ClassVerdict::accepted).toList();
    }

    public Optional<ClassVerdict> verdictOf(ObjectRef ref) {
        return verdicts.stream().filter(v -> v.ref().equals(ref)).findFirst();
    }
}
