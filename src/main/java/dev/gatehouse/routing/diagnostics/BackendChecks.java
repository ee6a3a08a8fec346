package dev.gatehouse.routing.diagnostics;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ClassVerdict;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.model.RoutingModel;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.LinkedHashSet;
import java.util.Set;

/** GH401–GH404: backend Services, ports and endpoints. */
final class BackendChecks implements Check {

    @Override
    public void run(RoutingModel model, Findings findings) {
        for (ClassVerdict verdict : model.classes().accepted()) {
            ObjectRef ref = verdict.ref();
            Set<String> seen = new LinkedHashSet<>();
            var spec = verdict.ingress().getSpec();
            if (spec != null && spec.getDefaultBackend() != null) {
                check(model, ref, spec.getDefaultBackend(), "spec.defaultBackend", seen, findings);
            }
            for (IngressRule rule : HostChecks.rules(verdict.ingress())) {
                if (rule.getHttp() == null || rule.getHttp().getPaths() == null) {
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String where = "the path " + (rule.getHost() == null ? "" : rule.getHost())
                            + (path.getPath() == null ? "/" : path.getPath());
                    check(model, ref, path.getBackend(), where, seen, findings);
                }
            }
        }
    }

    private static void check(RoutingModel model, ObjectRef ingress, IngressBackend backend, String where,
                              Set<String> seen, Findings findings) {
        ResolvedBackend resolved = model.backends().resolve(ingress.namespace(), backend);
        if (!seen.add(resolved.display())) {
            return;
        }
        String service = resolved.service().map(ObjectRef::path).orElse("");
        switch (resolved.state()) {
            case SERVICE_MISSING -> findings.add(DiagnosticCode.GH401, ingress, "The Service " + service + " used by "
                    + where + " does not exist; ingress-nginx answers 503", "Create the Service or fix"
                    + " backend.service.name");
            case PORT_MISSING -> findings.add(DiagnosticCode.GH402, ingress, resolved.detail() + "; " + where
                    + " gets 503", "Use one of the Service's ports (backend.service.port.number or .name)");
            case NO_READY_ENDPOINTS -> findings.add(DiagnosticCode.GH403, ingress, resolved.detail() + "; " + where
                    + " gets 503", "Check the Service selector and that its Pods are Ready (kubectl get endpointslices"
                    + " -l kubernetes.io/service-name=" + resolved.service().map(ObjectRef::name).orElse("") + ")");
            case RESOURCE_BACKEND, INVALID -> findings.add(DiagnosticCode.GH404, ingress, "The backend of " + where
                    + " is " + resolved.detail(), "Point the backend at a Service and port");
            default -> {
                // fine, or not checkable from the input
            }
        }
    }
}
