package dev.gatehouse.proxy;

import dev.gatehouse.proxy.route.RouteTable;

/** Hears about reloads of the proxy's rules and certificates (called on the reload thread). */
public interface ReloadListener {

    /** New rules are in force; open connections were kept. */
    void reloaded(RouteTable table);

    /** The rules could not be read; the previous ones stay in force. */
    default void failed(String message) {
    }
}
