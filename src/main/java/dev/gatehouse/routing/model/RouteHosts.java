package dev.gatehouse.routing.model;

import dev.gatehouse.routing.route.HostTable;
import dev.gatehouse.routing.route.VirtualHost;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route model of a {@link ServerTable}: one {@link VirtualHost} per server, built the first time it is
 * asked for and kept (the table is immutable). Hosts are found as nginx finds its servers: exact, else the
 * one-label wildcard, else the catch-all. Safe to share between threads.
 */
public final class RouteHosts implements HostTable {

    private final ServerTable servers;
    private final VirtualHostBuilder builder;
    private final Map<String, VirtualHost> byHost = new ConcurrentHashMap<>();

    RouteHosts(ServerTable servers, UpstreamPolicy upstreams) {
        this.servers = servers;
        this.builder = new VirtualHostBuilder(upstreams);
    }

    /** The virtual host of {@code server} (a server of the table this model was built from). */
    public VirtualHost of(Server server) {
        return byHost.computeIfAbsent(server.pattern().host(), h -> builder.build(server));
    }

    @Override
    public Optional<VirtualHost> exact(String host) {
        return servers.exact(host).map(this::of);
    }

    @Override
    public Optional<VirtualHost> wildcardFor(String host) {
        return servers.wildcardFor(host).map(this::of);
    }

    @Override
    public VirtualHost catchAll() {
        return of(servers.catchAll());
    }

    /** From the same facts the virtual hosts are built from ({@link HostTlsFacts}), without building a route. */
    @Override
    public List<TlsView> tls() {
        return servers.all().stream().map(s -> new TlsView(s.pattern().host(), s.catchAll(), HostTlsFacts.tls(s),
                HostTlsFacts.clientCertificate(s))).toList();
    }

    @Override
    public List<VirtualHost> all() {
        return servers.all().stream().map(this::of).toList();
    }
}
