package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Attaches HTTPRoutes, GRPCRoutes and TLSRoutes and orders each listener's HTTPRoute rules. */
final class RouteAssembler {

    private final ClusterView view;
    private final RouteAttacher attacher;
    private final BackendChecker backends;
    private final HttpRuleBuilder httpRules;

    RouteAssembler(ClusterView view, List<GatewayState> gateways, BackendChecker backends) {
        this.view = view;
        this.attacher = new RouteAttacher(gateways, view::namespace);
        this.backends = backends;
        this.httpRules = new HttpRuleBuilder(backends);
    }

    GatewayModel assemble(List<GatewayClassState> classes, List<GatewayState> gateways) {
        List<RouteState> routes = new ArrayList<>();
        Map<ListenerKey, List<GatewayRule>> rules = new LinkedHashMap<>();
        Map<ListenerKey, List<TlsRouteTarget>> tls = new LinkedHashMap<>();
        for (HTTPRoute route : view.httpRoutes()) {
            List<HostPattern> hosts = GatewayModelBuilder.hostnames(route.getSpec() == null ? null
                    : route.getSpec().getHostnames());
            var attachments = attach("HTTPRoute", route, hosts, route.getSpec() == null ? null
                    : route.getSpec().getParentRefs(), httpRules.resolvedRefs(route));
            routes.add(state("HTTPRoute", route, hosts, attachments));
            for (var a : attachments) {
                a.hostnames().forEach((listener, shared) -> shared.forEach(h -> rules
                        .computeIfAbsent(listener, k -> new ArrayList<>()).addAll(httpRules.rules(route, h))));
            }
        }
        for (GRPCRoute route : view.grpcRoutes()) {
            List<HostPattern> hosts = GatewayModelBuilder.hostnames(route.getSpec() == null ? null
                    : route.getSpec().getHostnames());
            Condition refs = grpcRefs(route);
            routes.add(state("GRPCRoute", route, hosts, attach("GRPCRoute", route, hosts,
                    route.getSpec() == null ? null : route.getSpec().getParentRefs(), refs)));
        }
        for (TLSRoute route : view.tlsRoutes()) {
            List<HostPattern> hosts = GatewayModelBuilder.hostnames(route.getSpec() == null ? null
                    : route.getSpec().getHostnames());
            ObjectRef ref = GatewayModelBuilder.ref("TLSRoute", route);
            List<GatewayBackend> checked = new ArrayList<>();
            var tlsRules = route.getSpec() == null || route.getSpec().getRules() == null ? List.<io.fabric8.kubernetes
                    .api.model.gatewayapi.v1.TLSRouteRule>of() : route.getSpec().getRules();
            if (!tlsRules.isEmpty() && tlsRules.get(0).getBackendRefs() != null) {
                for (var b : tlsRules.get(0).getBackendRefs()) {
                    checked.add(backends.one(ref.namespace(), "TLSRoute", b.getGroup(), b.getKind(), b.getNamespace(),
                            b.getName(), b.getPort(), b.getWeight()));
                }
            }
            Condition refs = first(checked);
            var attachments = attach("TLSRoute", route, hosts, route.getSpec() == null ? null
                    : route.getSpec().getParentRefs(), refs);
            routes.add(state("TLSRoute", route, hosts, attachments));
            for (var a : attachments) {
                a.hostnames().forEach((listener, shared) -> shared.forEach(h -> tls
                        .computeIfAbsent(listener, k -> new ArrayList<>()).add(new TlsRouteTarget(ref, h, checked))));
            }
        }
        Map<ListenerKey, List<GatewayRule>> ordered = new LinkedHashMap<>();
        rules.forEach((k, v) -> ordered.put(k, v.stream().sorted(RulePrecedence.ORDER).toList()));
        Map<ListenerKey, List<TlsRouteTarget>> tlsOrdered = new LinkedHashMap<>();
        tls.forEach((k, v) -> tlsOrdered.put(k, v.stream()
                .sorted(Comparator.comparing(TlsRouteTarget::hostname, Hostnames.MOST_SPECIFIC_FIRST)).toList()));
        return new GatewayModel(classes, gateways, routes, ordered, tlsOrdered);
    }

    private List<RouteAttacher.Attachment> attach(String kind, HasMetadata route, List<HostPattern> hosts,
                                                  List<ParentReference> parents, Condition refs) {
        return attacher.attach(GatewayModelBuilder.ref(kind, route), hosts, parents, refs);
    }

    private static RouteState state(String kind, HasMetadata route, List<HostPattern> hosts,
                                    List<RouteAttacher.Attachment> attachments) {
        String created = route.getMetadata() == null || route.getMetadata().getCreationTimestamp() == null ? ""
                : route.getMetadata().getCreationTimestamp();
        return new RouteState(GatewayModelBuilder.ref(kind, route), hosts, created,
                attachments.stream().map(RouteAttacher.Attachment::status).toList());
    }

    private Condition grpcRefs(GRPCRoute route) {
        ObjectRef ref = GatewayModelBuilder.ref("GRPCRoute", route);
        List<GatewayBackend> checked = new ArrayList<>();
        for (var rule : route.getSpec() == null || route.getSpec().getRules() == null
                ? List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule>of() : route.getSpec().getRules()) {
            for (var b : rule.getBackendRefs() == null
                    ? List.<io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef>of() : rule.getBackendRefs()) {
                checked.add(backends.one(ref.namespace(), "GRPCRoute", b.getGroup(), b.getKind(), b.getNamespace(),
                        b.getName(), b.getPort(), b.getWeight()));
            }
        }
        return first(checked);
    }

    private static Condition first(List<GatewayBackend> checked) {
        return checked.stream().filter(b -> b.invalid().isPresent()
                        && !b.invalid().get().reason().equals("InvalidCACertificateRef")).findFirst()
                .map(b -> Condition.isFalse(Condition.RESOLVED_REFS, b.invalid().get().reason(), b.invalid().get().message()))
                .orElse(Condition.isTrue(Condition.RESOLVED_REFS, "ResolvedRefs", "every backendRef resolved"));
    }
}
