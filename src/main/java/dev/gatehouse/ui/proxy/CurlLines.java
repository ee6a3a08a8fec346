package dev.gatehouse.ui.proxy;

import dev.gatehouse.proxy.route.RouteTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Copy-ready curl commands that reach the local proxy for each host of the rules. */
final class CurlLines {

    private CurlLines() {
    }

    static List<String> of(RouteTable table, int httpsPort, int httpPort, Optional<Path> ca) {
        List<String> out = new ArrayList<>();
        for (RouteTable.HostEntry h : table.hosts()) {
            String host = h.wildcard() ? "demo" + h.host().substring(1) : h.host();
            out.add(h.tls() ? https(host, "/", httpsPort, ca) : http(host, "/", httpPort));
        }
        return out;
    }

    /** {@code curl --resolve host:PORT:127.0.0.1 [--cacert CA] https://host:PORT/path}. */
    static String https(String host, String path, int port, Optional<Path> ca) {
        return "curl --resolve " + host + ":" + port + ":127.0.0.1" + ca.map(p -> " --cacert " + quote(p.toString()))
                .orElse("") + " https://" + host + ":" + port + path;
    }

    static String http(String host, String path, int port) {
        return "curl --resolve " + host + ":" + port + ":127.0.0.1 http://" + host + ":" + port + path;
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
