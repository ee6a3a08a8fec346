package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the engine derives from the Gateway API objects of one {@code ClusterView} reading; immutable and
 * safe to share. Built once per snapshot by {@link GatewayModelBuilder}.
 *
 * <ul>
 *   <li>{@link #classes()}, {@link #gateways()} (with their listeners and conditions) and {@link #routes()}
 *       (HTTPRoutes, GRPCRoutes, TLSRoutes with per-parent status) are what a conformant controller would
 *       write into {@code .status};</li>
 *   <li>{@link #rules(ListenerKey)} is, per listener, every HTTPRoute match attached to it in the spec's
 *       precedence order ({@link RulePrecedence}): the first entry whose hostname covers the request's Host
 *       and whose match {@link RequestMatcher matches} wins;</li>
 *   <li>{@link #select(int, String, Optional)} picks the listener for a port, protocol and name.</li>
 * </ul>
 *
 * @param classes   every GatewayClass
 * @param gateways  every Gateway
 * @param routes    every HTTPRoute, GRPCRoute and TLSRoute
 * @param rules     per listener, the HTTPRoute rules in precedence order
 * @param tlsRoutes per listener, the TLSRoutes attached to it, most specific hostname first
 */
public record GatewayModel(List<GatewayClassState> classes, List<GatewayState> gateways, List<RouteState> routes,
                           Map<ListenerKey, List<GatewayRule>> rules, Map<ListenerKey, List<TlsRouteTarget>> tlsRoutes) {

    /** A view without Gateway API objects. */
    public static final GatewayModel EMPTY = new GatewayModel(List.of(), List.of(), List.of(), Map.of(), Map.of());

    public GatewayModel {
        classes = List.copyOf(classes);
        gateways = List.copyOf(gateways);
        routes = List.copyOf(routes);
        rules = Map.copyOf(rules);
        tlsRoutes = Map.copyOf(tlsRoutes);
    }

    /**
     * Only the Gateways of one GatewayClass, with the rules and TLSRoutes of their listeners (routes keep their
     * status: it is what the controller of every class writes).
     */
    public GatewayModel onlyClass(String className) {
        List<GatewayState> kept = gateways.stream().filter(g -> g.className().equals(className)).toList();
        Map<ListenerKey, List<GatewayRule>> keptRules = new java.util.HashMap<>();
        rules.forEach((k, v) -> {
            if (kept.stream().anyMatch(g -> g.listeners().stream().anyMatch(l -> l.key().equals(k)))) {
                keptRules.put(k, v);
            }
        });
        Map<ListenerKey, List<TlsRouteTarget>> keptTls = new java.util.HashMap<>();
        tlsRoutes.forEach((k, v) -> {
            if (kept.stream().anyMatch(g -> g.listeners().stream().anyMatch(l -> l.key().equals(k)))) {
                keptTls.put(k, v);
            }
        });
        return new GatewayModel(classes, kept, routes, keptRules, keptTls);
    }

    /** Whether there is any Gateway at all. */
    public boolean isEmpty() {
        return gateways.isEmpty();
    }

    /** Every listener of every Gateway (also of Gateways that are not accepted). */
    public List<GatewayListener> listeners() {
        List<GatewayListener> out = new ArrayList<>();
        gateways.forEach(g -> out.addAll(g.listeners()));
        return out;
    }

    public Optional<GatewayState> gateway(ObjectRef ref) {
        return gateways.stream().filter(g -> g.ref().equals(ref)).findFirst();
    }

    public Optional<GatewayListener> listener(ListenerKey key) {
        return listeners().stream().filter(l -> l.key().equals(key)).findFirst();
    }

    /** The HTTPRoute rules of a listener, first = wins (empty when none attached). */
    public List<GatewayRule> rules(ListenerKey key) {
        return rules.getOrDefault(key, List.of());
    }

    public List<TlsRouteTarget> tlsRoutes(ListenerKey key) {
        return tlsRoutes.getOrDefault(key, List.of());
    }

    public Optional<RouteState> route(ObjectRef ref) {
        return routes.stream().filter(r -> r.ref().equals(ref)).findFirst();
    }

    /**
     * The listener of an accepted Gateway that takes a connection on {@code port} for {@code scheme} ({@code http}
     * / {@code https}) and {@code name} (SNI, or the Host for plain HTTP; empty = no SNI: only a listener without
     * hostname takes it). Only a programmed listener is chosen; the candidates list the others too.
     */
    public ListenerChoice select(int port, String scheme, Optional<String> name) {
        List<GatewayListener> candidates = gateways.stream().filter(GatewayState::accepted)
                .flatMap(g -> g.listeners().stream())
                .filter(l -> l.port() == port && l.protocol().map(p -> p.takes(scheme)).orElse(false))
                .sorted(Comparator.comparing(GatewayListener::hostname, Hostnames.MOST_SPECIFIC_FIRST))
                .toList();
        Optional<GatewayListener> chosen = candidates.stream().filter(GatewayListener::programmed)
                .filter(l -> name.map(n -> l.hostname().matches(n)).orElse(l.hostname().kind() == HostPattern.Kind.ANY))
                .findFirst();
        return new ListenerChoice(chosen, candidates);
    }
}
