package dev.gatehouse.proxy;

import dev.gatehouse.proxy.server.AccessLogEvent;

/**
 * Receives an {@link AccessLogEvent} per answered request. Called on a proxy I/O thread: return
 * quickly and never block (hand the event to another thread, coalescing as needed).
 */
@FunctionalInterface
public interface AccessLogListener {

    void onRequest(AccessLogEvent event);
}
