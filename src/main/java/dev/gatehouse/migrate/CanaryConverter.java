package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A canary Ingress ({@code canary: "true"}) adds to the rules of the Ingress it shadows: {@code canary-weight}
 * becomes a weighted backendRef beside the main one, {@code canary-by-header} a rule with a header match
 * (sent to the canary) ahead of the main rule. {@code canary-by-cookie} has no Gateway API form.
 */
final class CanaryConverter {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final PlanBuilder plan;
    private final AnnotationReader annotations;

    CanaryConverter(PlanBuilder plan, AnnotationReader annotations) {
        this.plan = plan;
        this.annotations = annotations;
    }

    void convert(Ingress canary) {
        ObjectRef ref = ObjectRef.of(canary);
        Optional<Integer> weight = annotations.get(ref, "canary-weight").flatMap(AnnotationReader::number);
        int total = annotations.get(ref, "canary-weight-total").flatMap(AnnotationReader::number).orElse(100);
        Optional<String> header = annotations.get(ref, "canary-by-header");
        Optional<String> headerValue = annotations.get(ref, "canary-by-header-value");
        int changed = 0;
        for (IngressRule rule : canary.getSpec().getRules() == null ? List.<IngressRule>of() : canary.getSpec().getRules()) {
            if (rule.getHttp() == null) {
                continue;
            }
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                HTTPBackendRef backend = new HTTPBackendRef();
                backend.setName(path.getBackend().getService().getName());
                backend.setPort(path.getBackend().getService().getPort().getNumber());
                for (HTTPRoute route : plan.httpRoutes()) {
                    if (!ObjectRef.namespaceOf(route).equals(ref.namespace()) || !Objects.equals(host(route),
                            rule.getHost())) {
                        continue;
                    }
                    List<HTTPRouteRule> rules = route.getSpec().getRules();
                    for (int i = 0; i < rules.size(); i++) {
                        HTTPRouteRule r = rules.get(i);
                        if (r.getBackendRefs() == null || r.getBackendRefs().isEmpty() || !samePath(r, path)) {
                            continue;
                        }
                        if (header.isPresent()) {
                            rules.add(i, headerRule(r, header.get(), headerValue.orElse("always"), backend));
                            plan.comment(route, "rules[" + i + "] ← canary-by-header " + header.get() + " of " + ref);
                            i++;
                            changed++;
                        }
                        if (weight.isPresent()) {
                            HTTPBackendRef main = r.getBackendRefs().get(0);
                            main.setWeight(Math.max(0, total - weight.get()));
                            HTTPBackendRef w = JSON.clone(backend);
                            w.setWeight(weight.get());
                            r.getBackendRefs().add(w);
                            plan.comment(route, "canary-weight " + weight.get() + "/" + total + " of " + ref
                                    + " → backendRef " + backend.getName() + " weight " + weight.get());
                            changed++;
                        }
                    }
                }
            }
        }
        String where = changed > 0 ? "weighted backendRefs / header-matched rules in the HTTPRoutes of the main"
                + " Ingress" : "";
        for (String key : List.of("canary", "canary-weight", "canary-weight-total", "canary-by-header",
                "canary-by-header-value")) {
            annotations.get(ref, key).ifPresent(v -> plan.note(changed(ref, key, v, where)));
        }
    }

    private static ConversionNote changed(ObjectRef ref, String key, String value, String where) {
        return where.isEmpty() ? ConversionNote.notConverted(ref, AnnotationReader.PREFIX + key, value, "no converted"
                + " Ingress has the same host and path to add the canary to", "migrate the main Ingress together"
                + " with its canary") : ConversionNote.converted(ref, AnnotationReader.PREFIX + key, value, where);
    }

    private static HTTPRouteRule headerRule(HTTPRouteRule main, String name, String value, HTTPBackendRef backend) {
        HTTPRouteRule rule = JSON.clone(main);
        HTTPHeaderMatch h = new HTTPHeaderMatch();
        h.setName(name);
        h.setValue(value);
        h.setType("Exact");
        for (HTTPRouteMatch m : rule.getMatches()) {
            m.setHeaders(new ArrayList<>(List.of(h)));
        }
        rule.setBackendRefs(new ArrayList<>(List.of(JSON.clone(backend))));
        return rule;
    }

    private static String host(HTTPRoute route) {
        List<String> hosts = route.getSpec().getHostnames();
        return hosts == null || hosts.isEmpty() ? null : hosts.get(0);
    }

    private static boolean samePath(HTTPRouteRule rule, HTTPIngressPath path) {
        String p = path.getPath() == null ? "/" : path.getPath();
        String trimmed = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return rule.getMatches() != null && rule.getMatches().stream().anyMatch(m -> m.getPath() != null
                && (trimmed.equals(m.getPath().getValue()) || p.equals(m.getPath().getValue())));
    }
}
