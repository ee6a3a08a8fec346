package dev.gatehouse.cluster;

import dev.gatehouse.certmanager.CertManagerObjects;
import dev.gatehouse.certmanager.CmObject;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a renewal story needs, on demand (no informers: asked once per look): cert-manager's Certificates,
 * CertificateRequests, Issuers, ClusterIssuers, ACME Orders and Challenges of a namespace, their Events, and the
 * HTTP-01 solver Services' ready endpoints. Each kind is read on its own, so an RBAC gap on one is reported for
 * that kind and the rest is still read; a cluster that does not serve {@code cert-manager.io} is "not installed".
 */
public final class CertManagerReader {

    static final String SOLVER_LABEL = "acme.cert-manager.io/http01-solver";
    private static final Set<String> KINDS = Set.of("Certificate", "CertificateRequest", "Issuer", "ClusterIssuer",
            "Order", "Challenge");

    private final KubernetesClient client;

    public CertManagerReader(KubernetesClient client) {
        this.client = client;
    }

    /** Reads the cert-manager objects of {@code namespace}; never throws for API errors. */
    public CertManagerObjects read(String namespace) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        Read certificates = list(context("cert-manager.io", "Certificate", "certificates", true), namespace);
        if (certificates.notServed) {
            return CertManagerObjects.notInstalled();
        }
        certificates.problem(unreadable);
        Read requests = list(context("cert-manager.io", "CertificateRequest", "certificaterequests", true), namespace);
        requests.problem(unreadable);
        Read issuers = list(context("cert-manager.io", "Issuer", "issuers", true), namespace);
        issuers.problem(unreadable);
        Read clusterIssuers = list(context("cert-manager.io", "ClusterIssuer", "clusterissuers", false), null);
        clusterIssuers.problem(unreadable);
        Read orders = list(context("acme.cert-manager.io", "Order", "orders", true), namespace);
        orders.problem(unreadable);
        Read challenges = list(context("acme.cert-manager.io", "Challenge", "challenges", true), namespace);
        challenges.problem(unreadable);
        return new CertManagerObjects(true, certificates.objects, requests.objects, issuers.objects,
                clusterIssuers.objects, orders.objects, challenges.objects, events(namespace, unreadable),
                solvers(namespace, unreadable), unreadable);
    }

    private List<Event> events(String namespace, Map<String, String> unreadable) {
        try {
            return client.v1().events().inNamespace(namespace).list().getItems().stream()
                    .filter(e -> e.getInvolvedObject() != null && KINDS.contains(e.getInvolvedObject().getKind()))
                    .toList();
        } catch (KubernetesClientException e) {
            unreadable.put("events", plain(e));
            return List.of();
        }
    }

    private Map<String, Integer> solvers(String namespace, Map<String, String> unreadable) {
        Map<String, Integer> ready = new LinkedHashMap<>();
        try {
            for (Service s : client.services().inNamespace(namespace).withLabel(SOLVER_LABEL, "true").list()
                    .getItems()) {
                String name = s.getMetadata().getName();
                int count = 0;
                for (EndpointSlice slice : client.discovery().v1().endpointSlices().inNamespace(namespace)
                        .withLabel("kubernetes.io/service-name", name).list().getItems()) {
                    for (Endpoint e : slice.getEndpoints() == null ? List.<Endpoint>of() : slice.getEndpoints()) {
                        boolean isReady = e.getConditions() == null || e.getConditions().getReady() == null
                                || e.getConditions().getReady();
                        count += isReady && e.getAddresses() != null ? e.getAddresses().size() : 0;
                    }
                }
                ready.put(namespace + "/" + name, count);
            }
        } catch (KubernetesClientException e) {
            unreadable.put("solver services", plain(e));
        }
        return ready;
    }

    private Read list(ResourceDefinitionContext context, String namespace) {
        try {
            var op = client.genericKubernetesResources(context);
            List<GenericKubernetesResource> items = namespace == null ? op.list().getItems()
                    : op.inNamespace(namespace).list().getItems();
            List<CmObject> objects = new ArrayList<>();
            items.forEach(i -> objects.add(new CmObject(context.getKind(), i)));
            return new Read(context.getPlural(), objects, false, null);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return new Read(context.getPlural(), List.of(), true, null);
            }
            return new Read(context.getPlural(), List.of(), false, plain(e));
        }
    }

    private static String plain(KubernetesClientException e) {
        if (e.getCode() == 403) {
            return "forbidden" + (e.getStatus() != null && e.getStatus().getMessage() != null
                    ? " (" + e.getStatus().getMessage() + ")" : "");
        }
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : String.valueOf(e.getMessage());
        return (e.getCode() > 0 ? "HTTP " + e.getCode() + ": " : "") + message;
    }

    private static ResourceDefinitionContext context(String group, String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }

    private record Read(String plural, List<CmObject> objects, boolean notServed, String failure) {
        void problem(Map<String, String> unreadable) {
            if (failure != null) {
                unreadable.put(plural, failure);
            }
        }
    }
}
