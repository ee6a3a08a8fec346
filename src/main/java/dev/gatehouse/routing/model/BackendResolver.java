package dev.gatehouse.routing.model;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.BackendRef;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Looks Ingress backends up: Service, port (number or name) and ready endpoints from EndpointSlices. */
public final class BackendResolver {

    private final ClusterView view;

    public BackendResolver(ClusterView view) {
        this.view = view;
    }

    /** Resolves a backend of an Ingress in {@code namespace}. */
    public ResolvedBackend resolve(String namespace, IngressBackend backend) {
        if (backend == null) {
            return ResolvedBackend.none();
        }
        if (backend.getService() == null) {
            return unsupported();
        }
        var svcBackend = backend.getService();
        var port = svcBackend.getPort();
        return service(namespace, svcBackend.getName(), port == null ? null : port.getNumber(),
                port == null ? null : port.getName());
    }

    /** Resolves a backend of the route model (an Ingress backend, as {@link VirtualHostBuilder} wrote it). */
    public ResolvedBackend resolve(BackendRef backend) {
        if (backend.kind() == BackendRef.Kind.UNSUPPORTED) {
            return unsupported();
        }
        Integer number = backend.portNumber().orElse(null);
        String portName = number == null && !backend.port().isEmpty() ? backend.port() : null;
        return service(backend.namespace(), backend.name().isEmpty() ? null : backend.name(), number, portName);
    }

    private static ResolvedBackend unsupported() {
        return new ResolvedBackend(Optional.empty(), "", Optional.empty(), ResolvedBackend.State.RESOURCE_BACKEND,
                0, 0, "a resource backend, which ingress-nginx does not support");
    }

    private ResolvedBackend service(String namespace, String serviceName, Integer number, String name) {
        ObjectRef ref = ObjectRef.service(namespace, serviceName);
        String portLabel = number != null ? String.valueOf(number) : name != null ? name : "";
        if (serviceName == null || serviceName.isBlank() || portLabel.isEmpty()) {
            return new ResolvedBackend(Optional.of(ref), portLabel, Optional.empty(), ResolvedBackend.State.INVALID,
                    0, 0, "the backend names no Service or no port");
        }
        Optional<Service> service = view.service(namespace, serviceName);
        if (service.isEmpty()) {
            boolean known = view.scope().services();
            return new ResolvedBackend(Optional.of(ref), portLabel, Optional.ofNullable(number),
                    known ? ResolvedBackend.State.SERVICE_MISSING : ResolvedBackend.State.SERVICE_NOT_IN_INPUT, 0, 0,
                    known ? ref + " does not exist" : ref + " is not in the input");
        }
        Service svc = service.get();
        if ("ExternalName".equals(svc.getSpec() == null ? null : svc.getSpec().getType())) {
            return new ResolvedBackend(Optional.of(ref), portLabel, Optional.ofNullable(number),
                    ResolvedBackend.State.EXTERNAL_NAME, 0, 0,
                    ref + " is an ExternalName Service for " + svc.getSpec().getExternalName());
        }
        List<ServicePort> ports = svc.getSpec() == null || svc.getSpec().getPorts() == null ? List.of()
                : svc.getSpec().getPorts();
        Optional<ServicePort> match = ports.stream()
                .filter(p -> number != null ? Objects.equals(p.getPort(), number) : Objects.equals(p.getName(), name))
                .findFirst();
        if (match.isEmpty()) {
            String has = ports.stream().map(p -> p.getName() == null ? String.valueOf(p.getPort())
                    : p.getPort() + " (" + p.getName() + ")").reduce((a, b) -> a + ", " + b).orElse("none");
            return new ResolvedBackend(Optional.of(ref), portLabel, Optional.ofNullable(number),
                    ResolvedBackend.State.PORT_MISSING, 0, 0,
                    ref + " has no port " + (number != null ? portLabel : "named " + portLabel) + " (it has " + has + ")");
        }
        ServicePort servicePort = match.get();
        if (!view.scope().endpointSlices()) {
            return new ResolvedBackend(Optional.of(ref), portLabel, Optional.ofNullable(servicePort.getPort()),
                    ResolvedBackend.State.ENDPOINTS_NOT_IN_INPUT, 0, 0, "endpoints are not in the input");
        }
        int total = 0;
        int ready = 0;
        for (EndpointSlice slice : view.endpointSlices(namespace, serviceName)) {
            if (!servesPort(slice, servicePort)) {
                continue;
            }
            for (Endpoint endpoint : slice.getEndpoints() == null ? List.<Endpoint>of() : slice.getEndpoints()) {
                int addresses = endpoint.getAddresses() == null ? 1 : Math.max(1, endpoint.getAddresses().size());
                total += addresses;
                boolean isReady = endpoint.getConditions() == null || endpoint.getConditions().getReady() == null
                        || endpoint.getConditions().getReady();
                if (isReady) {
                    ready += addresses;
                }
            }
        }
        ResolvedBackend.State state = ready > 0 ? ResolvedBackend.State.READY
                : ResolvedBackend.State.NO_READY_ENDPOINTS;
        String detail = ready > 0 ? ready + " ready endpoint" + (ready == 1 ? "" : "s")
                : total == 0 ? ref + " has no endpoints (no Pod matches its selector)"
                : ref + " has " + total + " endpoint" + (total == 1 ? "" : "s") + ", none ready";
        return new ResolvedBackend(Optional.of(ref), portLabel, Optional.ofNullable(servicePort.getPort()), state,
                ready, total, detail);
    }

    /** A slice serves a Service port when it lists a port of the same name (unnamed: ""), or lists none. */
    private static boolean servesPort(EndpointSlice slice, ServicePort servicePort) {
        List<EndpointPort> ports = slice.getPorts();
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        String wanted = servicePort.getName() == null ? "" : servicePort.getName();
        return ports.stream().anyMatch(p -> wanted.equals(p.getName() == null ? "" : p.getName()));
    }
}
