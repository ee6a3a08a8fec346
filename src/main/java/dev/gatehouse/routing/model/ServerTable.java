package dev.gatehouse.routing.model;

import dev.gatehouse.routing.route.HostMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The servers ingress-nginx would configure, by host, plus the catch-all server. Immutable.
 *
 * @param byHost   servers by lower-case host (wildcards as {@code *.example.com})
 * @param catchAll the server for requests no host matches (rules without host, catch-all default backend)
 * @param canaries canary Ingresses, which add no routes of their own
 */
public record ServerTable(Map<String, Server> byHost, Server catchAll, List<dev.gatehouse.routing.input.ObjectRef> canaries) {

    /**
     * The server for a request host, and how it was found.
     *
     * @param server the server
     * @param match  exact host, one-label wildcard, or the catch-all
     */
    public record Lookup(Server server, HostMatch match) {
    }

    public ServerTable {
        byHost = Map.copyOf(byHost);
        canaries = List.copyOf(canaries);
    }

    /** nginx's choice: the exact host, else the wildcard for its first label, else the catch-all. */
    public Lookup lookup(String host) {
        Server exact = byHost.get(host);
        if (exact != null) {
            return new Lookup(exact, HostMatch.EXACT);
        }
        return wildcardFor(host).map(s -> new Lookup(s, HostMatch.WILDCARD))
                .orElseGet(() -> new Lookup(catchAll, HostMatch.CATCH_ALL));
    }

    /** The wildcard server covering {@code host} ({@code *.example.com} for {@code shop.example.com}). */
    public Optional<Server> wildcardFor(String host) {
        int dot = host.indexOf('.');
        if (dot <= 0 || dot == host.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHost.get("*" + host.substring(dot)));
    }

    public Optional<Server> exact(String host) {
        return Optional.ofNullable(byHost.get(host));
    }

    /** Every server with a host, sorted by host, then the catch-all. */
    public List<Server> all() {
        List<Server> out = new ArrayList<>(byHost.values());
        out.sort(java.util.Comparator.comparing(s -> s.pattern().host()));
        out.add(catchAll);
        return out;
    }
}
