package dev.gatehouse.proxy.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the local proxy listens and what it tolerates. Defaults follow ingress-nginx where it has one
 * (1 MiB bodies, 5 s upstream connect, 60 s upstream read, 320 idle upstream connections).
 *
 * @param bindAddress             where both listeners bind; 127.0.0.1 by default (anything else is a
 *                                deliberate choice the caller warns about)
 * @param httpsPort               HTTPS listener port; 0 = any free port
 * @param httpPort                plain-HTTP listener port; 0 = any free port
 * @param maxConnections          client connections beyond this are closed at once
 * @param maxInitialLineBytes     longest request line (longer → 414)
 * @param maxHeaderBytes          largest header block (larger → 431)
 * @param maxBodyBytes            largest request body (larger → 413)
 * @param requestTimeout          time to receive a whole request once it started (slower → 408);
 *                                also the TLS handshake timeout
 * @param idleTimeout             an idle keep-alive connection is closed after this
 * @param upstreamConnectTimeout  connecting to a backend (slower → 502)
 * @param upstreamResponseTimeout waiting for a backend's response head (slower → 504)
 * @param upstreamIdleTimeout     an idle pooled backend connection is closed after this
 * @param maxIdleUpstreamPerLoop  idle backend connections kept per backend and event loop
 * @param ioThreads               event-loop threads, 1 to 64 (by default one per two cores: the local
 *                                proxy shares the workstation with the clients and backends it serves)
 */
public record ProxyConfig(InetAddress bindAddress, int httpsPort, int httpPort, int maxConnections,
                          int maxInitialLineBytes, int maxHeaderBytes, int maxBodyBytes, Duration requestTimeout,
                          Duration idleTimeout, Duration upstreamConnectTimeout, Duration upstreamResponseTimeout,
                          Duration upstreamIdleTimeout, int maxIdleUpstreamPerLoop, int ioThreads) {

    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final int DEFAULT_HTTP_PORT = 8080;

    public ProxyConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        checkPort(httpsPort, "HTTPS port");
        checkPort(httpPort, "HTTP port");
        if (httpsPort != 0 && httpsPort == httpPort) {
            throw new IllegalArgumentException("The HTTPS and HTTP ports must differ (both are " + httpPort + ")");
        }
        if (maxConnections < 1 || maxInitialLineBytes < 256 || maxHeaderBytes < 1024 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("Connection and size limits must be positive");
        }
        for (Duration d : new Duration[] {requestTimeout, idleTimeout, upstreamConnectTimeout,
                upstreamResponseTimeout, upstreamIdleTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Timeouts must be positive");
            }
        }
        if (ioThreads < 1 || ioThreads > 64) {
            throw new IllegalArgumentException("The number of I/O threads must be between 1 and 64, not " + ioThreads);
        }
    }

    private static void checkPort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " " + port + " is not between 0 and 65535");
        }
    }

    /** 127.0.0.1:8443 and :8080 with the default limits. */
    public static ProxyConfig defaults() {
        return new ProxyConfig(loopback(), DEFAULT_HTTPS_PORT, DEFAULT_HTTP_PORT, 10_000, 8192, 32 * 1024,
                1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(75), Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(60), 320, defaultIoThreads());
    }

    /**
     * One event loop per two cores. Unlike a controller on a node of its own, the local proxy runs next
     * to what it serves (browser or load tool, port-forwards, local backends). On the 2-core bench
     * machine, two loops sharing the cores with the load client and the backend cost more CPU per
     * request than one (0.99–1.21× nginx's against 0.91–0.98×) and served 0.79–1.03× nginx's
     * keep-alive rate against 0.94–0.97×; with one core for the proxy there is one loop either way.
     */
    public static int defaultIoThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** 127.0.0.1 as a literal (no name lookup, IPv4 even when IPv6 is preferred). */
    public static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the listeners are reachable only from this machine. */
    public boolean loopbackOnly() {
        return bindAddress.isLoopbackAddress();
    }

    public ProxyConfig withBind(InetAddress address) {
        return new ProxyConfig(address, httpsPort, httpPort, maxConnections, maxInitialLineBytes, maxHeaderBytes,
                maxBodyBytes, requestTimeout, idleTimeout, upstreamConnectTimeout, upstreamResponseTimeout,
                upstreamIdleTimeout, maxIdleUpstreamPerLoop, ioThreads);
    }

    public ProxyConfig withPorts(int https, int http) {
        return new ProxyConfig(bindAddress, https, http, maxConnections, maxInitialLineBytes, maxHeaderBytes,
                maxBodyBytes, requestTimeout, idleTimeout, upstreamConnectTimeout, upstreamResponseTimeout,
                upstreamIdleTimeout, maxIdleUpstreamPerLoop, ioThreads);
    }

    public ProxyConfig withMaxConnections(int max) {
        return new ProxyConfig(bindAddress, httpsPort, httpPort, max, maxInitialLineBytes, maxHeaderBytes,
                maxBodyBytes, requestTimeout, idleTimeout, upstreamConnectTimeout, upstreamResponseTimeout,
                upstreamIdleTimeout, maxIdleUpstreamPerLoop, ioThreads);
    }

    public ProxyConfig withTimeouts(Duration request, Duration idle, Duration upstreamConnect, Duration upstreamResponse) {
        return new ProxyConfig(bindAddress, httpsPort, httpPort, maxConnections, maxInitialLineBytes, maxHeaderBytes,
                maxBodyBytes, request, idle, upstreamConnect, upstreamResponse, upstreamIdleTimeout,
                maxIdleUpstreamPerLoop, ioThreads);
    }

    public ProxyConfig withIoThreads(int threads) {
        return new ProxyConfig(bindAddress, httpsPort, httpPort, maxConnections, maxInitialLineBytes, maxHeaderBytes,
                maxBodyBytes, requestTimeout, idleTimeout, upstreamConnectTimeout, upstreamResponseTimeout,
                upstreamIdleTimeout, maxIdleUpstreamPerLoop, threads);
    }
}
