package dev.gatehouse.routing;

import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayState;
import dev.gatehouse.routing.gateway.Hostnames;
import dev.gatehouse.routing.gateway.ListenerChoice;
import dev.gatehouse.routing.route.HostPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link GatewayModel#select} with the listeners of each port and scheme sorted once per snapshot instead of per
 * request, and their exact hostnames indexed: with a listener per host (a migration of 1,000 Ingresses has ~1,000),
 * sorting them for every request, then matching every hostname against the name, was most of a request's time.
 * Same answer as {@link GatewayModel#select}.
 */
final class ListenerSelector {

    private static final int[] NONE = new int[0];

    /**
     * The listeners on one port for one scheme, most specific first, with the positions of the exact hostnames by
     * host and the positions of the others (wildcards and no hostname; all after the exact ones in that order).
     */
    private record OnPort(List<GatewayListener> candidates, Map<String, int[]> exact, int[] others) {
    }

    /**
     * A choice and which of its candidates cover the name.
     *
     * @param choice   the chosen listener and every candidate, most specific first
     * @param matching the positions in {@code choice.candidates()} of the listeners whose hostname covers the name
     *                 (SNI or Host; none = those without hostname), ascending
     */
    record Selection(ListenerChoice choice, int[] matching) {
    }

    private final GatewayModel gateways;
    private final Map<String, OnPort> byPort = new ConcurrentHashMap<>();

    ListenerSelector(GatewayModel gateways) {
        this.gateways = gateways;
    }

    ListenerChoice select(int port, String scheme, Optional<String> name) {
        return selection(port, scheme, name).choice();
    }

    Selection selection(int port, String scheme, Optional<String> name) {
        OnPort on = byPort.computeIfAbsent(port + "/" + scheme, k -> onPort(port, scheme));
        int[] matching = matching(on, name);
        Optional<GatewayListener> chosen = Optional.empty();
        for (int i : matching) {
            GatewayListener l = on.candidates().get(i);
            if (l.programmed()) {
                chosen = Optional.of(l);
                break;
            }
        }
        return new Selection(new ListenerChoice(chosen, on.candidates()), matching);
    }

    private OnPort onPort(int port, String scheme) {
        List<GatewayListener> all = List.copyOf(gateways.gateways().stream().filter(GatewayState::accepted)
                .flatMap(g -> g.listeners().stream())
                .filter(l -> l.port() == port && l.protocol().map(p -> p.takes(scheme)).orElse(false))
                .sorted(Comparator.comparing(GatewayListener::hostname, Hostnames.MOST_SPECIFIC_FIRST))
                .toList());
        Map<String, List<Integer>> exact = new HashMap<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            HostPattern h = all.get(i).hostname();
            if (h.kind() == HostPattern.Kind.EXACT) {
                exact.computeIfAbsent(h.host(), x -> new ArrayList<>()).add(i);
            } else {
                others.add(i);
            }
        }
        Map<String, int[]> exactPositions = new HashMap<>();
        exact.forEach((host, positions) -> exactPositions.put(host, ints(positions)));
        return new OnPort(all, Map.copyOf(exactPositions), ints(others));
    }

    /** What {@code name.map(l.hostname()::matches).orElse(kind == ANY)} says of every candidate, as positions. */
    private static int[] matching(OnPort on, Optional<String> name) {
        int[] exact = name.map(n -> on.exact().getOrDefault(n, NONE)).orElse(NONE);
        int[] out = new int[exact.length + on.others().length];
        System.arraycopy(exact, 0, out, 0, exact.length); // exact hostnames sort before every other kind
        int n = exact.length;
        for (int i : on.others()) {
            HostPattern h = on.candidates().get(i).hostname();
            if (name.map(h::matches).orElse(h.kind() == HostPattern.Kind.ANY)) {
                out[n++] = i;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
