package dev.gatehouse.proxy.server;

import java.util.concurrent.CompletionException;

/** Plain words for why a backend could not be reached, for the 502 page and the access log. */
final class BackendFailures {

    private BackendFailures() {
    }

    /** A plain reason for a connection or lookup failure. */
    static String reason(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t.getCause() != null && t.getMessage() == null)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof java.net.ConnectException) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            return m.contains("refused") ? "connection refused (nothing listens there)" : t.getMessage();
        }
        if (t instanceof io.netty.channel.ConnectTimeoutException) {
            return "no answer to the connection attempt within "
                    + "the connect timeout";
        }
        if (t instanceof javax.net.ssl.SSLException || t instanceof io.netty.handler.codec.DecoderException
                && t.getCause() instanceof javax.net.ssl.SSLException) {
            Throwable ssl = t instanceof javax.net.ssl.SSLException ? t : t.getCause();
            return "the TLS handshake with the backend failed: " + ssl.getMessage();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
