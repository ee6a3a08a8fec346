package dev.gatehouse.ui.certs;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Ingress that names a Secret in its TLS section, with the hosts it lists for it.
 *
 * @param ingress the Ingress
 * @param hosts   the TLS hosts served with the Secret's certificate
 */
public record IngressUse(ObjectRef ingress, List<String> hosts) {

    public IngressUse {
        hosts = List.copyOf(hosts);
    }

    /** For every Secret ({@code namespace/name}) named by a TLS entry, the Ingresses using it. */
    public static Map<String, List<IngressUse>> index(List<Ingress> ingresses) {
        Map<String, Map<ObjectRef, Set<String>>> bySecret = new LinkedHashMap<>();
        for (Ingress ing : ingresses) {
            if (ing.getSpec() == null || ing.getSpec().getTls() == null) {
                continue;
            }
            ObjectRef ref = ObjectRef.of(ing);
            for (IngressTLS tls : ing.getSpec().getTls()) {
                if (tls.getSecretName() == null || tls.getSecretName().isBlank()) {
                    continue;
                }
                String key = ref.namespace() + "/" + tls.getSecretName();
                Set<String> hosts = bySecret.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(ref, r -> new LinkedHashSet<>());
                if (tls.getHosts() != null) {
                    hosts.addAll(tls.getHosts());
                }
            }
        }
        Map<String, List<IngressUse>> out = new LinkedHashMap<>();
        bySecret.forEach((secret, users) -> {
            List<IngressUse> uses = new ArrayList<>();
            users.forEach((ref, hosts) -> uses.add(new IngressUse(ref, new ArrayList<>(hosts))));
            out.put(secret, List.copyOf(uses));
        });
        return out;
    }

    /** Every host of these uses, without repeats. */
    public static List<String> hostsOf(List<IngressUse> uses) {
        Set<String> hosts = new LinkedHashSet<>();
        uses.forEach(u -> hosts.addAll(u.hosts()));
        return List.copyOf(hosts);
    }
}
