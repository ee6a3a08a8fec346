package dev.gatehouse.routing.model;

import dev.gatehouse.routing.route.VirtualHost;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route model of a {@link ServerTable}: one {@link VirtualHost} per server, built the first time it is
 * asked for and kept (the table is immutable). Safe to share between threads.
 */
public final class RouteHosts {

    private final VirtualHostBuilder builder;
    private final Map<String, VirtualHost> byHost = new ConcurrentHashMap<>();

    RouteHosts(UpstreamPolicy upstreams) {
        this.builder = new VirtualHostBuilder(upstreams);
    }

    /** The virtual host of {@code server} (a server of the table this model was built from). */
    public VirtualHost of(Server server) {
        return byHost.computeIfAbsent(server.pattern().host(), h -> builder.build(server));
    }
}
