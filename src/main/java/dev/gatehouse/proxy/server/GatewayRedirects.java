package dev.gatehouse.proxy.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.OptionalInt;

/**
 * A Gateway RequestRedirect's Location as the local proxy sends it: the engine's Location (what the real Gateway
 * sends, which {@code gatehouse explain} reports) with its port replaced by the local port that serves that
 * listener port here, so that following the redirect stays on the proxy.
 */
final class GatewayRedirects {

    private GatewayRedirects() {
    }

    static String local(String location, ListenerPorts ports) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getHost() == null) {
            return location;
        }
        String scheme = uri.getScheme();
        int defaultPort = "https".equalsIgnoreCase(scheme) ? 443 : 80;
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort;
        OptionalInt local = ports.localPort(port);
        if (local.isEmpty() || local.getAsInt() == port) {
            return location;
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
                : uri.getHost();
        String rest = location.substring(location.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
        String portPart = local.getAsInt() == defaultPort ? "" : ":" + local.getAsInt();
        return scheme + "://" + host + portPart + rest;
    }
}
