package dev.gatehouse.proxy.server;

/**
 * Fired inbound when a request body exceeds the limit, in place of the request.
 *
 * @param method the request method
 * @param uri    the request target
 * @param host   the Host header, or ""
 * @param bytes  the limit that was exceeded
 */
record OversizedRequest(String method, String uri, String host, int bytes) {
}
