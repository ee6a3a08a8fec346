package dev.gatehouse.probe;

/**
 * Why a connection gave no TLS answer (or no HTTP answer after the handshake): a normal result of a probe,
 * with a plain message naming the address and what to check.
 *
 * @param kind    what went wrong
 * @param message one or two sentences for people
 */
public record NetworkProblem(Kind kind, String message) {

    /** What went wrong. */
    public enum Kind {
        /** The host name of the address does not resolve. */
        UNRESOLVED,
        /** Nothing listens on the port (connection refused). */
        REFUSED,
        /** No route to the host, network unreachable. */
        UNREACHABLE,
        /** No TCP connection within the timeout (packets dropped, a wrong address, a full backlog). */
        CONNECT_TIMEOUT,
        /** The peer reset the connection. */
        RESET,
        /** The peer closed the connection without a TLS answer. */
        CLOSED,
        /** The connection was accepted but no TLS answer came within the timeout. */
        HANDSHAKE_TIMEOUT,
        /** The port answers in plain HTTP. */
        PLAIN_HTTP,
        /** The port answers in another protocol, not TLS. */
        NOT_TLS,
        /** The server answered with a TLS alert: it refused the handshake as offered (e.g. the TLS version). */
        TLS_REFUSED,
        /** After the handshake, no HTTP answer came within the timeout. */
        NO_HTTP_ANSWER,
        /** The HTTP answer was not HTTP/1.x. */
        BAD_HTTP_ANSWER,
        /** Anything else (named in the message). */
        OTHER
    }

    /** True when the server was reached and spoke TLS, but refused what was offered. */
    public boolean refusedByServer() {
        return kind == Kind.TLS_REFUSED;
    }
}
