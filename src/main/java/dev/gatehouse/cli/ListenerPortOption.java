package dev.gatehouse.cli;

import dev.gatehouse.proxy.LocalProxy;
import dev.gatehouse.proxy.route.RouteTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** {@code gatehouse proxy --listener-port PORT=LOCALPORT}: parsing, and the ready lines naming every listener. */
final class ListenerPortOption {

    private ListenerPortOption() {
    }

    /**
     * @throws IllegalArgumentException with a plain message for a malformed or repeated mapping
     */
    static Map<Integer, Integer> parse(List<String> values) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--listener-port " + value + ": write PORT=LOCALPORT, e.g. 443=8443");
            }
            int port = port(value, value.substring(0, eq).trim(), 1, "listener port");
            int local = port(value, value.substring(eq + 1).trim(), 0, "local port");
            if (out.containsKey(port)) {
                throw new IllegalArgumentException("--listener-port " + value + ": listener port " + port
                        + " is mapped twice");
            }
            if (local != 0 && out.containsValue(local)) {
                throw new IllegalArgumentException("--listener-port " + value + ": local port " + local
                        + " already serves another listener port");
            }
            out.put(port, local);
        }
        return out;
    }

    private static int port(String option, String text, int min, String what) {
        try {
            int p = Integer.parseInt(text);
            if (p >= min && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("--listener-port " + option + ": the " + what + " \"" + text
                + "\" is not a number from " + min + " to 65535");
    }

    /** One line per Gateway listener served: gateway, listener, protocol, port and the local URL. */
    static List<String> readyLines(LocalProxy proxy, String gatewayClass) {
        RouteTable table = proxy.routes();
        List<String> out = new ArrayList<>();
        List<RouteTable.ServedListener> listeners = table.listeners();
        if (listeners.isEmpty()) {
            if (gatewayClass != null) {
                out.add("No Gateway of class " + gatewayClass + " in the rules: only Ingresses are served");
            }
            return out;
        }
        for (RouteTable.ServedListener l : listeners) {
            OptionalInt local = proxy.localPortFor(l.port());
            String scheme = l.protocol().equals("HTTP") ? "http" : "https";
            String where = local.isPresent() ? scheme + "://" + proxy.httpsAddress().getAddress().getHostAddress() + ":"
                    + local.getAsInt() : "not served (no local port)";
            out.add("  Gateway " + l.gateway().path() + " listener " + l.name() + " (" + l.protocol() + " :" + l.port()
                    + ", " + l.hostname() + ") \u2192 " + where + (l.programmed() ? "" : " \u2014 not programmed:"
                    + " serves nothing"));
        }
        return out;
    }
}
