package dev.gatehouse.ui.ingress;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.time.Instant;
import java.util.ArrayList;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One Ingress as a table row: the columns users scan, derived once from the object. */
public record IngressRow(String namespace, String name, String ingressClass, String hosts, String tlsHosts,
                         String secrets, String address, Instant created, Ingress ingress, List<ObjectRef> related) {

    public static final String LEGACY_CLASS_ANNOTATION = "kubernetes.io/ingress.class";

    public static IngressRow of(Ingress ing) {
        var meta = ing.getMetadata();
        var spec = ing.getSpec();
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> tlsHosts = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        List<ObjectRef> related = new ArrayList<>();
        related.add(ObjectRef.ingress(meta.getNamespace(), meta.getName()));
        if (spec != null) {
            for (IngressRule r : nonNull(spec.getRules())) {
                hosts.add(r.getHost() == null || r.getHost().isBlank() ? "*" : r.getHost());
            }
            for (IngressTLS t : nonNull(spec.getTls())) {
                tlsHosts.addAll(nonNull(t.getHosts()));
                if (t.getSecretName() != null) {
                    secrets.add(t.getSecretName());
                    related.add(ObjectRef.secret(meta.getNamespace(), t.getSecretName()));
                }
            }
        }
        return new IngressRow(meta.getNamespace(), meta.getName(), className(ing), String.join(", ", hosts),
                String.join(", ", tlsHosts), String.join(", ", secrets), address(ing), created(meta.getCreationTimestamp()), ing,
                List.copyOf(related));
    }

    public String key() {
        return namespace + "/" + name;
    }

    /** True when any column contains the text (case-insensitive). */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(java.util.Locale.ROOT);
        for (String column : List.of(namespace, name, ingressClass, hosts, tlsHosts, secrets, address)) {
            if (column != null && column.toLowerCase(java.util.Locale.ROOT).contains(f)) {
                return true;
            }
        }
        return false;
    }

    static String className(Ingress ing) {
        if (ing.getSpec() != null && ing.getSpec().getIngressClassName() != null) {
            return ing.getSpec().getIngressClassName();
        }
        Map<String, String> ann = ing.getMetadata().getAnnotations();
        if (ann != null && ann.get(LEGACY_CLASS_ANNOTATION) != null) {
            return ann.get(LEGACY_CLASS_ANNOTATION);
        }
        return "";
    }

    private static String address(Ingress ing) {
        if (ing.getStatus() == null || ing.getStatus().getLoadBalancer() == null) {
            return "";
        }
        return String.join(", ", nonNull(ing.getStatus().getLoadBalancer().getIngress()).stream()
                .map(l -> l.getIp() != null ? l.getIp() : l.getHostname())
                .filter(Objects::nonNull).toList());
    }

    private static Instant created(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
