package dev.gatehouse.certmanager;

import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cert-manager objects of one namespace (and the cluster's ClusterIssuers) as they could be read, with what
 * could not be read and why. Built by a reader on a live cluster or by tests.
 *
 * @param installed        whether the cluster serves cert-manager's API at all
 * @param certificates     Certificates of the namespace
 * @param requests         CertificateRequests of the namespace
 * @param issuers          Issuers of the namespace
 * @param clusterIssuers   ClusterIssuers
 * @param orders           ACME Orders of the namespace
 * @param challenges       ACME Challenges of the namespace
 * @param events           Events of the namespace (for every object above)
 * @param solverEndpoints  HTTP-01 solver Services of the namespace → number of ready endpoints
 * @param unreadable       kind (plural) → why it could not be read (RBAC, timeouts); such kinds are empty above
 */
public record CertManagerObjects(boolean installed, List<CmObject> certificates, List<CmObject> requests,
                                 List<CmObject> issuers, List<CmObject> clusterIssuers, List<CmObject> orders,
                                 List<CmObject> challenges, List<Event> events, Map<String, Integer> solverEndpoints,
                                 Map<String, String> unreadable) {

    public CertManagerObjects {
        certificates = List.copyOf(certificates);
        requests = List.copyOf(requests);
        issuers = List.copyOf(issuers);
        clusterIssuers = List.copyOf(clusterIssuers);
        orders = List.copyOf(orders);
        challenges = List.copyOf(challenges);
        events = List.copyOf(events);
        solverEndpoints = Map.copyOf(solverEndpoints);
        unreadable = Map.copyOf(unreadable);
    }

    /** A cluster without cert-manager. */
    public static CertManagerObjects notInstalled() {
        return new CertManagerObjects(false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), Map.of(), Map.of());
    }

    /** Why a kind (plural, e.g. {@code issuers}) could not be read, if it could not. */
    public Optional<String> unreadable(String plural) {
        return Optional.ofNullable(unreadable.get(plural));
    }

    /** The events about one object, oldest first. */
    public List<Event> eventsOf(CmObject object) {
        return events.stream()
                .filter(e -> e.getInvolvedObject() != null && object.kind().equals(e.getInvolvedObject().getKind())
                        && object.name().equals(e.getInvolvedObject().getName()))
                .toList();
    }
}
