package dev.gatehouse.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Gateway API scenarios of the seed: HTTPRoutes and Gateways with the scenario annotation. */
final class DemoGatewayScenarios {

    private DemoGatewayScenarios() {
    }

    static List<DemoScenario> of(List<HasMetadata> resources) {
        List<DemoScenario> scenarios = new ArrayList<>();
        for (HasMetadata resource : resources) {
            Map<String, String> annotations = resource.getMetadata().getAnnotations();
            String description = annotations == null ? null : annotations.get(DemoScenario.ANNOTATION);
            if (description == null) {
                continue;
            }
            List<String> hosts;
            if (resource instanceof HTTPRoute route) {
                hosts = route.getSpec().getHostnames() == null || route.getSpec().getHostnames().isEmpty()
                        ? listenerHostnames(route, resources) : route.getSpec().getHostnames();
            } else if (resource instanceof Gateway gateway) {
                hosts = gateway.getSpec().getListeners().stream().map(Listener::getHostname).filter(Objects::nonNull)
                        .distinct().toList();
            } else {
                continue;
            }
            scenarios.add(new DemoScenario(resource.getKind(), resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName(), description, hosts));
        }
        return scenarios;
    }

    /** A route without hostnames serves its listeners' hostnames: those of the listeners its parentRefs name. */
    private static List<String> listenerHostnames(HTTPRoute route, List<HasMetadata> resources) {
        List<String> hosts = new ArrayList<>();
        String routeNamespace = route.getMetadata().getNamespace();
        for (ParentReference parent : route.getSpec().getParentRefs()) {
            String namespace = parent.getNamespace() == null ? routeNamespace : parent.getNamespace();
            resources.stream().filter(Gateway.class::isInstance).map(Gateway.class::cast)
                    .filter(g -> namespace.equals(g.getMetadata().getNamespace())
                            && parent.getName().equals(g.getMetadata().getName()))
                    .flatMap(g -> g.getSpec().getListeners().stream())
                    .filter(l -> parent.getSectionName() == null || parent.getSectionName().equals(l.getName()))
                    .map(Listener::getHostname).filter(Objects::nonNull)
                    .filter(h -> !hosts.contains(h)).forEach(hosts::add);
        }
        return hosts;
    }
}
