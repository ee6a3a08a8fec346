package dev.gatehouse.routing;

import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayState;
import dev.gatehouse.routing.gateway.Hostnames;
import dev.gatehouse.routing.gateway.ListenerChoice;
import dev.gatehouse.routing.route.HostPattern;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link GatewayModel#select} with the listeners of each port and scheme sorted once per snapshot instead of per
 * request: with a listener per host (a migration of 1,000 Ingresses has ~1,000), sorting them for every request
 * was most of a request's time. Same answer as {@link GatewayModel#select}.
 */
final class ListenerSelector {

    private record OnPort(List<GatewayListener> candidates, List<GatewayListener> programmed) {
    }

    private final GatewayModel gateways;
    private final Map<String, OnPort> byPort = new ConcurrentHashMap<>();

    ListenerSelector(GatewayModel gateways) {
        this.gateways = gateways;
    }

    ListenerChoice select(int port, String scheme, Optional<String> name) {
        OnPort on = byPort.computeIfAbsent(port + "/" + scheme, k -> {
            List<GatewayListener> all = List.copyOf(gateways.gateways().stream().filter(GatewayState::accepted)
                    .flatMap(g -> g.listeners().stream())
                    .filter(l -> l.port() == port && l.protocol().map(p -> p.takes(scheme)).orElse(false))
                    .sorted(Comparator.comparing(GatewayListener::hostname, Hostnames.MOST_SPECIFIC_FIRST))
                    .toList());
            return new OnPort(all, List.copyOf(all.stream().filter(GatewayListener::programmed).toList()));
        });
        Optional<GatewayListener> chosen = Optional.empty();
        for (GatewayListener l : on.programmed()) {
            if (name.map(n -> l.hostname().matches(n)).orElse(l.hostname().kind() == HostPattern.Kind.ANY)) {
                chosen = Optional.of(l);
                break;
            }
        }
        return new ListenerChoice(chosen, on.candidates());
    }
}
