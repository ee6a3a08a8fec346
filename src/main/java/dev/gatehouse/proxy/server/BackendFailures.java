package dev.gatehouse.proxy.server;

import dev.gatehouse.proxy.backend.BackendTarget;
import dev.gatehouse.routing.route.Upstream;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;

/** Plain words for why a backend could not be reached, for the 502 page and the access log. */
final class BackendFailures {

    private BackendFailures() {
    }

    /**
     * A mapped {@code https://} address for a backend the controller speaks plain HTTP to: a disagreement the
     * user must settle (nothing is sent), named with both sides.
     */
    static String mismatch(String backend, BackendTarget found, Upstream upstream) {
        return backend + " is mapped to " + found.url() + " (" + found.origin() + "), an HTTPS address, but"
                + " the controller speaks " + upstream.protocol().label() + " to this backend (" + upstream.reason()
                + "), so Gatehouse does not send the request: map an http:// address, or make the rules re-encrypt"
                + " (backend-protocol: HTTPS) if the backend only speaks TLS.";
    }

    /** A plain reason for a connection or lookup failure. */
    static String reason(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t.getCause() != null && t.getMessage() == null)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ConnectException) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            return m.contains("refused") ? "connection refused (nothing listens there)" : t.getMessage();
        }
        if (t instanceof ConnectTimeoutException) {
            return "no answer to the connection attempt within the connect timeout";
        }
        if (t instanceof SSLException || t instanceof DecoderException && t.getCause() instanceof SSLException) {
            Throwable ssl = t instanceof SSLException ? t : t.getCause();
            return "the TLS handshake with the backend failed: " + ssl.getMessage();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
