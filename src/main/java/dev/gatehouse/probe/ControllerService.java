package dev.gatehouse.probe;

import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the controller's Service behind a published address, and the Service port a probe of that address means:
 * first the Service whose {@code status.loadBalancer.ingress} carries the address (ip or hostname), else the
 * well-known labels — {@code gateway.networking.k8s.io/gateway-name=NAME} in the Gateway's namespace for a Gateway,
 * ingress-nginx's {@code app.kubernetes.io/name=ingress-nginx, app.kubernetes.io/component=controller} otherwise.
 * Blocking (API calls); a forbidden list (403) or a missing Service is a {@link Missing} with a plain message.
 */
final class ControllerService {

    static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";
    static final Map<String, String> INGRESS_NGINX_LABELS = Map.of("app.kubernetes.io/name", "ingress-nginx",
            "app.kubernetes.io/component", "controller");

    private ControllerService() {
    }

    /**
     * What is known of the controller.
     *
     * @param published the published address's host (IP or name); empty when none is published
     * @param port      the port probed there: the Gateway listener's, or 443 for an Ingress
     * @param publisher the Ingress or Gateway that decides the host
     */
    record Clue(Optional<String> published, int port, Optional<ObjectRef> publisher) {
    }

    /** The outcome of a lookup. */
    sealed interface Lookup permits Found, Missing {
    }

    /**
     * @param service the Service
     * @param port    its port for the probe
     * @param foundBy how it was found, e.g. "its status.loadBalancer carries 203.0.113.10"
     */
    record Found(Service service, ServicePort port, String foundBy) implements Lookup {
        String path() {
            return service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
        }
    }

    /** @param message what could not be done, in plain words; {@code forbidden} when RBAC stopped it */
    record Missing(String message, boolean forbidden) implements Lookup {
    }

    static Lookup find(KubernetesClient client, Clue clue) {
        List<String> forbidden = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        if (clue.published().isPresent()) {
            String address = clue.published().get();
            searched.add("no Service carries " + address + " in status.loadBalancer");
            try {
                for (Service s : client.services().inAnyNamespace().list().getItems()) {
                    if (carries(s, address)) {
                        return withPort(s, clue, "its status.loadBalancer carries " + address);
                    }
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() != 403) {
                    throw e;
                }
                searched.remove(searched.size() - 1);
                forbidden.add("list Services in all namespaces");
            }
        }
        Optional<ObjectRef> gateway = clue.publisher().filter(p -> p.kind().equals("Gateway"));
        try {
            List<Service> labelled;
            String labels;
            if (gateway.isPresent()) {
                labels = GATEWAY_NAME_LABEL + "=" + gateway.get().name() + " in namespace " + gateway.get().namespace();
                labelled = client.services().inNamespace(gateway.get().namespace())
                        .withLabel(GATEWAY_NAME_LABEL, gateway.get().name()).list().getItems();
            } else {
                labels = "app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller";
                labelled = client.services().inAnyNamespace().withLabels(INGRESS_NGINX_LABELS).list().getItems();
            }
            if (!labelled.isEmpty()) {
                return withPort(labelled.get(0), clue, "its labels " + labels.replace(" in namespace", ","
                        + " namespace"));
            }
            searched.add("none has the labels " + labels);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            forbidden.add(gateway.map(g -> "list Services in namespace " + g.namespace())
                    .orElse("list Services in all namespaces"));
        }
        if (!forbidden.isEmpty()) {
            return new Missing("cannot find the controller's Service: this user may not "
                    + String.join(" or ", forbidden.stream().distinct().toList())
                    + " (403 Forbidden; RBAC needs list on services)"
                    + (searched.isEmpty() ? "" : "; " + String.join(", and ", searched)), true);
        }
        return new Missing("no controller Service found: " + String.join(", and ", searched), false);
    }

    static boolean carries(Service s, String address) {
        if (s.getStatus() == null || s.getStatus().getLoadBalancer() == null
                || s.getStatus().getLoadBalancer().getIngress() == null) {
            return false;
        }
        for (LoadBalancerIngress lb : s.getStatus().getLoadBalancer().getIngress()) {
            if (lb != null && (address.equals(lb.getIp())
                    || lb.getHostname() != null && address.toLowerCase(Locale.ROOT)
                    .equals(lb.getHostname().toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    private static Lookup withPort(Service s, Clue clue, String foundBy) {
        List<ServicePort> ports = s.getSpec() == null || s.getSpec().getPorts() == null ? List.of()
                : s.getSpec().getPorts();
        String path = s.getMetadata().getNamespace() + "/" + s.getMetadata().getName();
        return port(ports, clue.port()).or(() -> port(ports, ProbeAddress.HTTPS_PORT))
                .or(() -> ports.stream().filter(p -> "https".equals(p.getName())).findFirst())
                .or(() -> ports.size() == 1 ? Optional.of(ports.get(0)) : Optional.empty())
                .<Lookup>map(p -> new Found(s, p, foundBy))
                .orElseGet(() -> new Missing("Service " + path + " (" + foundBy + ") has no port " + clue.port()
                        + (clue.port() == ProbeAddress.HTTPS_PORT ? "" : " or 443") + " and none named https", false));
    }

    private static Optional<ServicePort> port(List<ServicePort> ports, int number) {
        return ports.stream().filter(p -> p.getPort() != null && p.getPort() == number).findFirst();
    }
}
