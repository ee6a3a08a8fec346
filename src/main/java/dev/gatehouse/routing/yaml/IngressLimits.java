package dev.gatehouse.routing.yaml;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

/** Counts what {@link dev.gatehouse.input.InputLimits#rulesPerIngress()} limits: the paths of all rules. */
final class IngressLimits {

    private IngressLimits() {
    }

    /** Paths of all rules together (a rule without paths counts as one). */
    static long paths(Ingress ingress) {
        if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
            return 0;
        }
        long count = 0;
        for (IngressRule rule : ingress.getSpec().getRules()) {
            HTTPIngressRuleValue http = rule == null ? null : rule.getHttp();
            count += http == null || http.getPaths() == null ? 1 : Math.max(1, http.getPaths().size());
        }
        return count;
    }
}
