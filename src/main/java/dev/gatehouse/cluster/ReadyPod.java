package dev.gatehouse.cluster;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Ready Pod behind a Service port and the Pod port it maps to ({@code targetPort}): from the Service's
 * EndpointSlices, else its Endpoints object (when slices cannot be listed). The one answer to "where does a
 * port-forward to this Service port go", for the proxy's backends and the probe's controller alike. Blocking (API
 * calls).
 */
public final class ReadyPod {

    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private ReadyPod() {
    }

    /** The Pod a port-forward goes to, or why there is none. */
    public sealed interface Lookup permits Ready, Missing {
    }

    /** @param namespace the Pod's namespace @param pod its name @param port the Pod port */
    public record Ready(String namespace, String pod, int port) implements Lookup {
    }

    /** @param forbidden true when this user may not read the Service's endpoints (403) */
    public record Missing(String message, boolean forbidden) implements Lookup {
    }

    /**
     * @param service the Service (as read from the cluster)
     * @param port    one of its ports
     * @throws KubernetesClientException when the API server fails otherwise than with 403
     */
    public static Lookup find(KubernetesClient client, Service service, ServicePort port) {
        String ns = service.getMetadata().getNamespace();
        String name = service.getMetadata().getName();
        boolean slicesForbidden = false;
        try {
            List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace(ns)
                    .withLabel(SERVICE_NAME_LABEL, name).list().getItems();
            for (EndpointSlice slice : slices) {
                Optional<Integer> podPort = slicePort(slice, port);
                for (Endpoint e : slice.getEndpoints() == null ? List.<Endpoint>of() : slice.getEndpoints()) {
                    boolean ready = e.getConditions() == null || e.getConditions().getReady() == null
                            || e.getConditions().getReady();
                    if (ready && podPort.isPresent() && e.getTargetRef() != null
                            && "Pod".equals(e.getTargetRef().getKind())) {
                        return new Ready(ns, e.getTargetRef().getName(), podPort.get());
                    }
                }
            }
            if (!slices.isEmpty()) {
                return none(ns, name, port);
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            slicesForbidden = true;
        }
        try {
            Endpoints endpoints = client.endpoints().inNamespace(ns).withName(name).get();
            for (EndpointSubset subset : endpoints == null || endpoints.getSubsets() == null
                    ? List.<EndpointSubset>of() : endpoints.getSubsets()) {
                Optional<Integer> podPort = subsetPort(subset, port);
                for (EndpointAddress a : subset.getAddresses() == null ? List.<EndpointAddress>of()
                        : subset.getAddresses()) {
                    if (podPort.isPresent() && a.getTargetRef() != null && "Pod".equals(a.getTargetRef().getKind())) {
                        return new Ready(ns, a.getTargetRef().getName(), podPort.get());
                    }
                }
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            return new Missing("cannot find a Pod of Service " + ns + "/" + name + ": this user may not list"
                    + " EndpointSlices or get Endpoints in namespace " + ns + " (403 Forbidden)", true);
        }
        return slicesForbidden ? new Missing("cannot find a Pod of Service " + ns + "/" + name + ": listing"
                + " EndpointSlices in namespace " + ns + " is forbidden (403) and its Endpoints list no Ready Pod",
                true) : none(ns, name, port);
    }

    private static Missing none(String ns, String name, ServicePort port) {
        return new Missing("Service " + ns + "/" + name + " has no Ready Pod behind port " + port.getPort()
                + " (its EndpointSlices list none)", false);
    }

    /** The slice port with the Service port's name (unnamed: ""), else a numeric targetPort. */
    private static Optional<Integer> slicePort(EndpointSlice slice, ServicePort port) {
        String wanted = port.getName() == null ? "" : port.getName();
        List<io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort> ports = slice.getPorts() == null ? List.of()
                : slice.getPorts();
        return ports.stream().filter(p -> wanted.equals(p.getName() == null ? "" : p.getName()))
                .map(io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort::getPort).filter(Objects::nonNull)
                .findFirst().or(() -> number(port.getTargetPort(), port.getPort()));
    }

    private static Optional<Integer> subsetPort(EndpointSubset subset, ServicePort port) {
        String wanted = port.getName() == null ? "" : port.getName();
        List<EndpointPort> ports = subset.getPorts() == null ? List.of() : subset.getPorts();
        return ports.stream().filter(p -> wanted.equals(p.getName() == null ? "" : p.getName()))
                .map(EndpointPort::getPort).filter(Objects::nonNull).findFirst()
                .or(() -> number(port.getTargetPort(), port.getPort()));
    }

    /** A numeric targetPort; unset, the Service port itself (as Kubernetes defaults it). */
    private static Optional<Integer> number(IntOrString target, Integer servicePort) {
        if (target == null) {
            return Optional.ofNullable(servicePort);
        }
        return Optional.ofNullable(target.getIntVal());
    }
}
