package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassResolution;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.RoutingModel;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import java.util.List;

/** GH002, GH5xx: which controller serves each Ingress. */
final class ClassChecks implements Check {

    @Override
    public void run(RoutingModel model, Findings findings) {
        String className = model.profile().className();
        ClassResolution classes = model.classes();
        if (classes.implicitClass() && !classes.verdicts().isEmpty()) {
            findings.add(DiagnosticCode.GH002, new ObjectRef("Input", "", "IngressClass"),
                    "The input holds no IngressClass; Gatehouse assumes ingress-nginx's class " + className
                            + " exists and is the default",
                    "Include the IngressClass objects (kubectl get ingressclass -o yaml) to check class selection");
        }
        for (ClassVerdict verdict : classes.verdicts()) {
            String name = verdict.className().orElse("");
            switch (verdict.status()) {
                case UNKNOWN_CLASS -> findings.add(DiagnosticCode.GH501, verdict.ref(),
                        "The IngressClass " + name + " does not exist, so no controller serves this Ingress",
                        "Set spec.ingressClassName to an existing class (" + existing(model) + ") or create"
                                + " IngressClass " + name);
                case NO_CLASS -> findings.add(DiagnosticCode.GH502, verdict.ref(),
                        "This Ingress has no class and no IngressClass is marked default, so no controller serves it",
                        "Set spec.ingressClassName: " + className + ", or mark an IngressClass with "
                                + ClassResolution.DEFAULT_CLASS_ANNOTATION + ": \"true\"");
                case FOREIGN -> findings.add(DiagnosticCode.GH503, verdict.ref(),
                        "Gatehouse does not analyse this Ingress: " + verdict.reason(), "Nothing to do if that is intended; Gatehouse models ingress-nginx");
                default -> {
                    // accepted
                }
            }
        }
        List<IngressClass> defaults = classes.defaultClasses();
        if (defaults.size() > 1) {
            for (IngressClass c : defaults) {
                findings.add(DiagnosticCode.GH504, ObjectRef.ingressClass(ObjectRef.nameOf(c)),
                        defaults.size() + " IngressClasses are marked default; new Ingresses without a class are"
                                + " rejected by the API server's admission",
                        "Keep " + ClassResolution.DEFAULT_CLASS_ANNOTATION + ": \"true\" on one IngressClass only");
            }
        }
    }

    private static String existing(RoutingModel model) {
        List<String> names = model.view().ingressClasses().stream().map(ObjectRef::nameOf).toList();
        return names.isEmpty() ? "none exist" : String.join(", ", names);
    }
}
