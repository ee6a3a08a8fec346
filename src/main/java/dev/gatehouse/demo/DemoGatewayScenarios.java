package dev.gatehouse.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;

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
                hosts = route.getSpec().getHostnames() == null ? List.of() : route.getSpec().getHostnames();
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
}
