package dev.gatehouse.proxy.backend;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the proxy reaches a Service port.
 *
 * @param host   host name or address
 * @param port   TCP port
 * @param tls    true when the target itself speaks HTTPS (the URL said https)
 * @param origin how it was found: "mapping", "demo echo backend", "port-forward to pod shop/web-1"
 */
public record BackendTarget(String host, int port, boolean tls, String origin) {

    public BackendTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(origin, "origin");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
    }

    /** From an {@code http://} or {@code https://} URL (default ports 80 / 443). */
    public static BackendTarget of(URI uri, String origin) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("\"" + uri + "\" must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("\"" + uri + "\" has no host");
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new BackendTarget(host, port, tls, origin);
    }

    /** {@code http://127.0.0.1:8080}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "https://" : "http://") + h + ":" + port;
    }

    @Override
    public String toString() {
        return url() + " (" + origin + ")";
    }
}
