package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Attaches a route to listeners through its {@code parentRefs}: the parent must exist and have a listener that
 * matches {@code sectionName} / {@code port} ({@code NoMatchingParent}), allows the route's namespace and kind
 * ({@code NotAllowedByListeners}) and shares a hostname with it ({@code NoMatchingListenerHostname}).
 */
final class RouteAttacher {

    /** One parentRef's verdict and, per listener attached to, the hostnames the route and listener share. */
    record Attachment(ParentStatus status, Map<ListenerKey, List<HostPattern>> hostnames) {
    }

    private final Map<ObjectRef, GatewayState> gateways;
    private final Function<String, Optional<Namespace>> namespaces;

    RouteAttacher(List<GatewayState> gateways, Function<String, Optional<Namespace>> namespaces) {
        this.gateways = new LinkedHashMap<>();
        gateways.forEach(g -> this.gateways.put(g.ref(), g));
        this.namespaces = namespaces;
    }

    List<Attachment> attach(ObjectRef route, List<HostPattern> hostnames, List<ParentReference> parents,
                            Condition resolvedRefs) {
        List<Attachment> out = new ArrayList<>();
        for (ParentReference parent : parents == null ? List.<ParentReference>of() : parents) {
            out.add(one(route, hostnames, parent, resolvedRefs));
        }
        return out;
    }

    private Attachment one(ObjectRef route, List<HostPattern> hostnames, ParentReference parent, Condition resolvedRefs) {
        String kind = parent.getKind() == null || parent.getKind().isEmpty() ? "Gateway" : parent.getKind();
        String ns = parent.getNamespace() == null || parent.getNamespace().isEmpty() ? route.namespace()
                : parent.getNamespace();
        ObjectRef parentRef = new ObjectRef(kind, ns, parent.getName());
        Optional<String> section = Optional.ofNullable(parent.getSectionName()).filter(s -> !s.isEmpty());
        Optional<Integer> port = Optional.ofNullable(parent.getPort());
        List<GatewayListener> candidates = candidates(parentRef);
        if (candidates == null) {
            return refused(parentRef, section, port, resolvedRefs, "NoMatchingParent", parentRef + " does not exist");
        }
        List<GatewayListener> matching = candidates.stream()
                .filter(l -> section.map(s -> s.equals(l.name())).orElse(true))
                .filter(l -> port.map(p -> p == l.port()).orElse(true)).toList();
        if (matching.isEmpty()) {
            return refused(parentRef, section, port, resolvedRefs, "NoMatchingParent", parentRef + " has no listener"
                    + section.map(s -> " named " + s).orElse("") + port.map(p -> " on port " + p).orElse(""));
        }
        List<GatewayListener> allowed = matching.stream()
                .filter(l -> l.kinds().contains(route.kind()))
                .filter(l -> l.namespaces().admits(route.namespace(), l.key().owner().namespace(), namespaces))
                .toList();
        if (allowed.isEmpty()) {
            GatewayListener first = matching.get(0);
            String why = !first.kinds().contains(route.kind())
                    ? "listener " + first.name() + " takes " + (first.kinds().isEmpty() ? "no routes"
                    : String.join(", ", first.kinds())) + ", not " + route.kind() + "s"
                    : "listener " + first.name() + " allows routes from namespaces " + first.namespaces().display()
                    + (first.namespaces().from() == RouteNamespaces.From.SAME ? " (" + first.key().owner().namespace()
                    + ")" : "") + ", not from " + route.namespace();
            return refused(parentRef, section, port, resolvedRefs, "NotAllowedByListeners", why);
        }
        Map<ListenerKey, List<HostPattern>> shared = new LinkedHashMap<>();
        List<HostPattern> routeHosts = hostnames.isEmpty() ? List.of(Hostnames.parse("")) : hostnames;
        for (GatewayListener listener : allowed) {
            List<HostPattern> both = new ArrayList<>();
            for (HostPattern h : routeHosts) {
                Hostnames.intersect(listener.hostname(), h).filter(x -> !both.contains(x)).ifPresent(both::add);
            }
            if (!both.isEmpty()) {
                shared.put(listener.key(), List.copyOf(both));
            }
        }
        if (shared.isEmpty()) {
            return refused(parentRef, section, port, resolvedRefs, "NoMatchingListenerHostname", "no hostname of the"
                    + " route (" + String.join(", ", routeHosts.stream().map(HostPattern::display).toList())
                    + ") intersects a listener hostname (" + String.join(", ", allowed.stream()
                    .map(l -> l.name() + ": " + l.hostname().display()).toList()) + ")");
        }
        ParentStatus status = new ParentStatus(parentRef, section, port, List.copyOf(shared.keySet()),
                Condition.isTrue(Condition.ACCEPTED, "Accepted", "attached to listener"
                        + (shared.size() == 1 ? " " : "s ") + String.join(", ", shared.keySet().stream()
                        .map(ListenerKey::name).toList())), resolvedRefs);
        return new Attachment(status, shared);
    }

    /** The listeners of a parent, or null when it does not exist. */
    private List<GatewayListener> candidates(ObjectRef parent) {
        if (parent.kind().equals("Gateway")) {
            GatewayState gateway = gateways.get(new ObjectRef("Gateway", parent.namespace(), parent.name()));
            return gateway == null ? null : gateway.listeners().stream()
                    .filter(l -> l.key().owner().kind().equals("Gateway")).toList();
        }
        if (parent.kind().equals("ListenerSet")) {
            List<GatewayListener> out = new ArrayList<>();
            boolean found = false;
            for (GatewayState g : gateways.values()) {
                found |= g.listenerSets().containsKey(parent);
                g.listeners().stream().filter(l -> l.key().owner().equals(parent)).forEach(out::add);
            }
            return found ? out : null;
        }
        return null;
    }

    private static Attachment refused(ObjectRef parent, Optional<String> section, Optional<Integer> port,
                                      Condition resolvedRefs, String reason, String message) {
        return new Attachment(new ParentStatus(parent, section, port, List.of(),
                Condition.isFalse(Condition.ACCEPTED, reason, message), resolvedRefs), Map.of());
    }
}
