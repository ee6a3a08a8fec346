package dev.gatehouse.proxy.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which Gateway listener port each local port serves (and back), filled when the proxy binds: listener port 443 is
 * served on the HTTPS port and 80 on the HTTP port unless mapped elsewhere, every other listener port on the local
 * port mapped to it (a free one by default). The engine is asked about the listener port, so a request is routed
 * as it would be on the real Gateway; a redirect's Location names the local port serving its target port.
 */
public final class ListenerPorts {

    /**
     * One local listener the proxy opens for a Gateway listener port.
     *
     * @param listenerPort the Gateway listener port
     * @param localPort    the local port asked for (0 = any free one)
     * @param tls          whether it speaks TLS (HTTPS / TLS listeners)
     */
    public record Extra(int listenerPort, int localPort, boolean tls) {
    }

    private final Map<Integer, Integer> localToListener = new LinkedHashMap<>();
    private final Map<Integer, Integer> listenerToLocal = new LinkedHashMap<>();

    /** Records a bound local port and the listener port it serves. */
    synchronized void bound(int listenerPort, int localPort) {
        localToListener.put(localPort, listenerPort);
        listenerToLocal.put(listenerPort, localPort);
    }

    /** The listener port a local port serves; the local port itself when it serves none. */
    public synchronized int listenerPort(int localPort) {
        return localToListener.getOrDefault(localPort, localPort);
    }

    /** The local port serving a listener port, if any. */
    public synchronized OptionalInt localPort(int listenerPort) {
        Integer local = listenerToLocal.get(listenerPort);
        return local == null ? OptionalInt.empty() : OptionalInt.of(local);
    }

    /** Listener port → local port, in the order bound. */
    public synchronized Map<Integer, Integer> bindings() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(listenerToLocal));
    }

    /** For tests and callers that know no listener ports. */
    static ListenerPorts none() {
        return new ListenerPorts();
    }

    /** The extra listeners to open, sorted by listener port (for a stable ready line). */
    static List<Extra> sorted(List<Extra> extras) {
        return extras.stream().sorted(java.util.Comparator.comparingInt(Extra::listenerPort)).toList();
    }
}
