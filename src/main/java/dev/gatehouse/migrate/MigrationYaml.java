package dev.gatehouse.migrate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * The emitter: a {@link MigrationPlan} as one readable, deterministic multi-document YAML — objects in a fixed
 * order (Gateway, ReferenceGrants, BackendTLSPolicies, TLSRoutes, HTTPRoutes; each kind sorted by namespace and
 * name), fields in the API's order, and above each document comments naming the Ingress (rule and path) each
 * piece came from.
 */
public final class MigrationYaml {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private MigrationYaml() {
    }

    /** The whole plan. */
    public static String write(MigrationPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("# Gateway API objects converted from ingress-nginx Ingresses by gatehouse migrate.\n")
                .append("# Converted: ").append(String.join(", ", plan.converted().stream().map(r -> r.path()).toList()))
                .append("\n");
        if (plan.extendsExisting()) {
            out.append("# The Gateway is the existing ").append(plan.gateway().getMetadata().getName())
                    .append(" with listeners added; apply it over the existing one.\n");
        }
        for (HasMetadata object : plan.objects()) {
            out.append("---\n");
            out.append(document(object, plan.provenanceOf(object)));
        }
        return out.toString();
    }

    /** One object with its comment lines. */
    public static String document(HasMetadata object, List<String> comments) {
        StringBuilder out = new StringBuilder();
        for (String line : comments) {
            out.append("# ").append(line.replace("\n", " ")).append("\n");
        }
        String yaml = SERIALIZATION.asYaml(object);
        if (yaml.startsWith("---\n")) {
            yaml = yaml.substring(4);
        }
        out.append(yaml.endsWith("\n") ? yaml : yaml + "\n");
        return out.toString();
    }
}
