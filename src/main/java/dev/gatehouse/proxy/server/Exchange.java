package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.backend.BackendKey;
import dev.gatehouse.proxy.backend.BackendTarget;
import dev.gatehouse.proxy.route.UpstreamTls;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.RouteMatch;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One request on its way through the proxy: what arrived, the engine's decision, the backend used,
 * and the status sent. Confined to the client channel's event loop. Becomes an {@link AccessLogEvent}.
 */
final class Exchange {

    static final AttributeKey<Exchange> KEY = AttributeKey.valueOf("gatehouse.exchange");

    private final Instant time;
    private final long startNanos = System.nanoTime();
    private final ConnectionInfo connection;
    private final String protocol;
    private final String method;
    private final String host;
    private final String target;
    private final boolean keepAlive;
    private Explanation explanation;
    private boolean hsts;
    private String backend;
    private BackendKey backendKey;
    private BackendTarget backendTarget;
    private UpstreamTls backendTls;
    private String note = "";
    private int status;

    Exchange(Instant time, ConnectionInfo connection, String protocol, String method, String host, String target,
             boolean keepAlive) {
        this.time = time;
        this.connection = connection;
        this.protocol = protocol;
        this.method = method;
        this.host = host;
        this.target = target;
        this.keepAlive = keepAlive;
    }

    void explained(Explanation e, boolean hstsApplies) {
        this.explanation = e;
        this.hsts = hstsApplies;
    }

    void backend(String description) {
        this.backend = description;
    }

    /** The Service backend, and once located the address reached and how (described when logged). */
    void backend(BackendKey key, BackendTarget target, UpstreamTls tls) {
        this.backend = null;
        this.backendKey = key;
        this.backendTarget = target;
        this.backendTls = tls;
    }

    private Optional<String> backendDescription() {
        if (backend != null || backendKey == null) {
            return Optional.ofNullable(backend);
        }
        if (backendTarget == null) {
            return Optional.of(backendKey.display());
        }
        boolean tls = backendTls.enabled();
        return Optional.of(backendKey.display() + " \u2192 " + (tls ? "https://" : "http://") + backendTarget.host()
                + ":" + backendTarget.port() + " (" + backendTarget.origin() + (tls ? ", " + backendTls.describe() : "")
                + ")");
    }

    void note(String text) {
        this.note = text == null ? "" : text;
    }

    void status(int code) {
        this.status = code;
    }

    int status() {
        return status;
    }

    boolean hsts() {
        return hsts;
    }

    /** The client wants the connection kept open after this response (HTTP/1 only). */
    boolean keepAlive() {
        return keepAlive;
    }

    Optional<Explanation> explanation() {
        return Optional.ofNullable(explanation);
    }

    ConnectionInfo connection() {
        return connection;
    }

    String host() {
        return host;
    }

    AccessLogEvent event() {
        Optional<RouteMatch> route = explanation().flatMap(Explanation::route);
        return new AccessLogEvent(time, connection.client(), protocol, connection.sni(), method, host, target,
                route.map(r -> r.ingress().path()), route.map(Exchange::rule), backendDescription(), status,
                Duration.ofNanos(System.nanoTime() - startNanos), connection.tlsVersion(), connection.cipher(),
                connection.certificate(), note);
    }

    /** {@code host shop.example.com, path /api (Prefix)} or {@code default backend of host …}. */
    static String rule(RouteMatch r) {
        if (r.defaultBackend()) {
            return "default backend (host " + r.host() + ")";
        }
        return "host " + r.host() + ", path " + r.path().orElse("/") + " (" + r.pathType().orElse("")
                + (r.regex() ? ", regex" : "") + ")";
    }
}
