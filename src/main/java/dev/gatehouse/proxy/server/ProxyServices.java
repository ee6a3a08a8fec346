package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.backend.BackendDirectory;
import dev.gatehouse.proxy.route.RouteTable;
import dev.gatehouse.proxy.route.UpstreamTlsContexts;
import dev.gatehouse.proxy.route.WeightDraw;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the handlers of one proxy share: limits, the current route table, backends, the upstream pool
 * and the access log. One per running proxy; thread-safe.
 *
 * @param config     limits and timeouts
 * @param routes     the route table in force (swapped on reload)
 * @param backends   where Service ports are reached
 * @param pool       idle backend connections
 * @param upstreamTls client-side TLS contexts for re-encryption
 * @param accessLog  receives one event per answered request (on an I/O thread)
 * @param httpsPort  the HTTPS listener's port, for redirects
 * @param ports      which Gateway listener port each local port serves
 * @param draw       picks the backend of a rule that splits traffic by weight, per request
 */
public record ProxyServices(ProxyConfig config, Supplier<RouteTable> routes, BackendDirectory backends,
                            UpstreamPool pool, UpstreamTlsContexts upstreamTls, AccessLogSink accessLog,
                            IntSupplier httpsPort, ListenerPorts ports, WeightDraw draw) {

    public ProxyServices(ProxyConfig config, Supplier<RouteTable> routes, BackendDirectory backends,
                         UpstreamPool pool, UpstreamTlsContexts upstreamTls, AccessLogSink accessLog,
                         IntSupplier httpsPort) {
        this(config, routes, backends, pool, upstreamTls, accessLog, httpsPort, ListenerPorts.none(),
                WeightDraw.random());
    }

    public ProxyServices {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(backends, "backends");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(upstreamTls, "upstreamTls");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(httpsPort, "httpsPort");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(draw, "draw");
    }

    /** Logs a TLS handshake the route table refused (no request was read), when anyone listens. */
    void logRefusedHandshake(java.time.Instant time, String client, java.util.Optional<String> sni, String why) {
        if (accessLog.wanted()) {
            accessLog.accept(new AccessLogEvent(time, client, "TLS", sni, "-", sni.orElse(""), "",
                    java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), 0,
                    java.time.Duration.ZERO, java.util.Optional.of("handshake refused"), java.util.Optional.empty(),
                    java.util.Optional.empty(), "TLS handshake refused: " + why));
        }
    }

    /** Logs a finished (or abandoned) exchange, when anyone listens. */
    void log(Exchange exchange) {
        if (accessLog.wanted()) {
            accessLog.accept(exchange.event());
        }
    }
}
