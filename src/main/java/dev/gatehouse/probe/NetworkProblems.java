package dev.gatehouse.probe;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns what a connection threw, and the first bytes the peer sent, into a {@link NetworkProblem}. */
final class NetworkProblems {

    private NetworkProblems() {
    }

    /** How long a timeout is, for messages: "2 s", "500 ms". */
    static String seconds(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** The peer answered a ClientHello with bytes that are not a TLS record: plain HTTP, or another protocol. */
    static NetworkProblem notTls(String where, byte[] first) {
        String text = printable(first);
        if (text.toUpperCase(Locale.ROOT).startsWith("HTTP/")) {
            return new NetworkProblem(NetworkProblem.Kind.PLAIN_HTTP, where + " answered in plain HTTP (\"" + text
                    + "\"), not TLS: is this the controller's HTTP port (80) instead of its HTTPS port (443)?");
        }
        return new NetworkProblem(NetworkProblem.Kind.NOT_TLS, where + " answered with something that is not TLS"
                + (text.isEmpty() ? "" : " (\"" + text + "\")") + ": the port belongs to another kind of service");
    }

    /** True when {@code first} cannot be the start of a TLS record (content types 20–23, version 3.x). */
    static boolean looksNotTls(byte[] first) {
        if (first.length == 0) {
            return false;
        }
        int type = first[0] & 0xff;
        return type < 20 || type > 23 || first.length > 1 && first[1] != 3;
    }

    /** The first line of what the peer sent, printable characters only, at most 60 of them. */
    static String printable(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int eol = s.indexOf('\n');
        if (eol >= 0) {
            s = s.substring(0, eol);
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (out.length() >= 60) {
                out.append('…');
                break;
            }
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    /** A connect failure. */
    static NetworkProblem connect(Throwable cause, String where, Duration timeout) {
        Throwable c = root(cause);
        String text = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
        if (c instanceof ConnectTimeoutException || text.contains("timed out")) {
            return new NetworkProblem(NetworkProblem.Kind.CONNECT_TIMEOUT, "no TCP connection to " + where + " within "
                    + seconds(timeout) + ": a firewall drops the packets, the address is wrong, or the server is"
                    + " overloaded");
        }
        if (c instanceof NoRouteToHostException || text.contains("no route") || text.contains("unreachable")) {
            return new NetworkProblem(NetworkProblem.Kind.UNREACHABLE, "no route to " + where + " from this machine ("
                    + c.getMessage() + ")");
        }
        if (c instanceof ConnectException || text.contains("refused")) {
            return new NetworkProblem(NetworkProblem.Kind.REFUSED, "connection refused by " + where
                    + ": nothing listens on that port");
        }
        return other(c, "connecting to " + where);
    }

    /** A handshake failure; {@code first} holds the first bytes the peer sent, if any. */
    static NetworkProblem handshake(Throwable cause, String where, Duration timeout, byte[] first) {
        if (looksNotTls(first)) {
            return notTls(where, first);
        }
        Throwable c = root(cause);
        String text = String.valueOf(c.getMessage());
        String lower = text.toLowerCase(Locale.ROOT);
        if (c instanceof SslHandshakeTimeoutException || lower.contains("handshake timed out")) {
            return new NetworkProblem(NetworkProblem.Kind.HANDSHAKE_TIMEOUT, where + " accepted the connection but"
                    + " sent no TLS answer within " + seconds(timeout) + ": a slow or stuck server, or a service that"
                    + " waits for the client to speak another protocol");
        }
        if (c instanceof NotSslRecordException) {
            return notTls(where, first);
        }
        if (lower.contains("reset")) {
            return reset(where, "the TLS handshake");
        }
        if (c instanceof ClosedChannelException || lower.contains("closed") && !lower.contains("alert")) {
            return closed(where, "the TLS handshake");
        }
        if (c instanceof SSLException) {
            return new NetworkProblem(NetworkProblem.Kind.TLS_REFUSED, where + " refused the TLS handshake: "
                    + tlsReason(text));
        }
        return other(c, "the TLS handshake with " + where);
    }

    static NetworkProblem reset(String where, String during) {
        return new NetworkProblem(NetworkProblem.Kind.RESET, where + " reset the connection during " + during);
    }

    static NetworkProblem closed(String where, String during) {
        return new NetworkProblem(NetworkProblem.Kind.CLOSED, where + " closed the connection during " + during
                + " without an answer");
    }

    /** A failure after the handshake, while waiting for the answer to {@code GET /}. */
    static NetworkProblem http(Throwable cause, String where) {
        Throwable c = root(cause);
        String lower = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
        if (lower.contains("reset")) {
            return reset(where, "GET /");
        }
        if (c instanceof ClosedChannelException) {
            return closed(where, "GET /");
        }
        return other(c, "GET / to " + where);
    }

    /** A short reason from a TLS library message ("error:…:UNSUPPORTED_PROTOCOL" → "no TLS version in common"). */
    static String tlsReason(String message) {
        String upper = message.toUpperCase(Locale.ROOT);
        if (upper.contains("UNSUPPORTED_PROTOCOL") || upper.contains("PROTOCOL_VERSION")
                || upper.contains("PROTOCOL VERSION") || upper.contains("NO APPROPRIATE PROTOCOL")) {
            return "no TLS version in common (protocol version)";
        }
        if (upper.contains("NO_SHARED_CIPHER") || upper.contains("NO_CIPHERS") || upper.contains("CIPHER")) {
            return "no cipher suite in common";
        }
        if (upper.contains("HANDSHAKE_FAILURE") || upper.contains("HANDSHAKE FAILURE")) {
            return "handshake failure alert";
        }
        if (upper.contains("UNRECOGNIZED_NAME") || upper.contains("UNRECOGNIZED NAME")) {
            return "it does not know the server name sent (unrecognized_name)";
        }
        if (upper.contains("CERTIFICATE_REQUIRED") || upper.contains("CERTIFICATE REQUIRED")) {
            return "it requires a client certificate";
        }
        int colon = message.lastIndexOf(':');
        return colon >= 0 && colon < message.length() - 1 ? message.substring(colon + 1).trim() : message;
    }

    static NetworkProblem other(Throwable c, String during) {
        String message = c.getMessage() == null || c.getMessage().isBlank() ? c.getClass().getSimpleName()
                : c.getMessage();
        return new NetworkProblem(NetworkProblem.Kind.OTHER, during + " failed: " + message);
    }

    private static Throwable root(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c
                && !(c instanceof SSLException && !(c.getCause() instanceof SSLException))) {
            c = c.getCause();
        }
        return c;
    }
}
