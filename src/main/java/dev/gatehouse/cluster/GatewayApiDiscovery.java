package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What API discovery says about the Gateway API ({@value #GROUP}) on one cluster: which resources it
 * serves at v1 (the version Gatehouse reads), and for the others which older version serves them, if any.
 * A cluster without the CRDs answers 404 (or an empty list): that is a normal answer, not a failure.
 *
 * @param servedV1 plurals served at {@value #GROUP}/v1, e.g. "httproutes"
 * @param olderOnly plurals served only at an older version, with that version ("backendtlspolicies" → "v1alpha3")
 * @param failure  why discovery gave no answer (then the other fields are empty), or null
 */
record GatewayApiDiscovery(Set<String> servedV1, Map<String, String> olderOnly, Failure failure) {

    static final String GROUP = "gateway.networking.k8s.io";
    static final String GROUP_VERSION = GROUP + "/v1";

    GatewayApiDiscovery {
        servedV1 = Set.copyOf(servedV1);
        olderOnly = Map.copyOf(olderOnly);
    }

    /**
     * Asks the API server: {@code GET /apis/gateway.networking.k8s.io/v1}, and only when that lacks some of
     * {@code wanted}, the group's other versions.
     */
    static GatewayApiDiscovery discover(KubernetesClient client, Set<String> wanted, String server) {
        Set<String> v1;
        try {
            v1 = plurals(client.getApiResources(GROUP_VERSION));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                v1 = Set.of();
            } else {
                return new GatewayApiDiscovery(Set.of(), Map.of(), Failure.ofRequest(e, server));
            }
        } catch (RuntimeException e) {
            return new GatewayApiDiscovery(Set.of(), Map.of(), Failure.ofRequest(e, server));
        }
        Map<String, String> older = new LinkedHashMap<>();
        if (!v1.containsAll(wanted)) {
            older.putAll(olderVersions(client, wanted, v1));
        }
        return new GatewayApiDiscovery(v1, older, null);
    }

    /** Best effort: a failure here only loses the hint about older versions. */
    private static Map<String, String> olderVersions(KubernetesClient client, Set<String> wanted, Set<String> v1) {
        Map<String, String> older = new LinkedHashMap<>();
        try {
            APIGroup group = client.getApiGroup(GROUP);
            List<GroupVersionForDiscovery> versions = group == null || group.getVersions() == null ? List.of()
                    : group.getVersions();
            for (GroupVersionForDiscovery version : versions) {
                if (version.getVersion() == null || "v1".equals(version.getVersion())
                        || version.getGroupVersion() == null) {
                    continue;
                }
                for (String plural : plurals(client.getApiResources(version.getGroupVersion()))) {
                    if (wanted.contains(plural) && !v1.contains(plural)) {
                        older.putIfAbsent(plural, version.getVersion());
                    }
                }
            }
        } catch (RuntimeException e) {
            // only a hint; "not served at v1" stays true
        }
        return older;
    }

    private static Set<String> plurals(APIResourceList list) {
        Set<String> plurals = new TreeSet<>();
        if (list != null && list.getResources() != null) {
            for (APIResource r : list.getResources()) {
                if (r.getName() != null && !r.getName().contains("/")) {
                    plurals.add(r.getName());
                }
            }
        }
        return plurals;
    }

    /** "the cluster does not serve httproutes (gateway.networking.k8s.io/v1): …" for a kind not served at v1. */
    String notServedMessage(String plural) {
        String older = olderOnly.get(plural);
        if (older != null) {
            return "the cluster serves " + plural + " only as " + GROUP + "/" + older + "; Gatehouse reads "
                    + GROUP_VERSION + " (Gateway API v1.5 or later)";
        }
        return "the cluster does not serve " + plural + " (" + GROUP_VERSION + "): its CRD is not installed";
    }
}
