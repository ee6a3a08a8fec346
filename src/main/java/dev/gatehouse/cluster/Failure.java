package dev.gatehouse.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * A failure of a request to the API server, classified and described in plain words. Messages
 * are built from status codes, exception types and the server address only: never from
 * response bodies or request headers, which could carry credentials.
 *
 * @param kind    what kind of failure it is
 * @param message the plain message for the user
 */
record Failure(Kind kind, String message) {

    enum Kind {
        /** The API server cannot be used at all (network, TLS, timeout, 401). */
        UNREACHABLE,
        /** 403 for this request only. */
        FORBIDDEN,
        /** 404 for a list or watch: the API server does not serve the kind (its CRD is not installed). */
        NOT_SERVED,
        /** Anything else (5xx, bad data). */
        OTHER
    }

    /**
     * Describes a failed list/watch of one kind.
     *
     * @param plural the resource, e.g. "secrets"
     * @param where  e.g. "in namespace shop", "in any namespace", "(cluster-wide)"
     */
    static Failure ofInformer(Throwable t, String server, String plural, String where) {
        String verb = isWatch(t) ? "watch" : "list";
        Integer code = httpCode(t);
        if (code != null && code == 403) {
            return new Failure(Kind.FORBIDDEN, "no permission to " + verb + " " + plural + " " + where);
        }
        if (code != null && code == 404) {
            return new Failure(Kind.NOT_SERVED, "the API server does not serve " + plural);
        }
        Failure connection = ofRequest(t, server);
        if (connection.kind == Kind.UNREACHABLE) {
            return connection;
        }
        return new Failure(Kind.OTHER, "cannot " + verb + " " + plural + " " + where + ": " + connection.message);
    }

    /**
     * Whether the failed request was the watch (not the list): a {@link WatcherException}, or a
     * rejected watch request, whose message names the URL with {@code watch=true}. The message
     * is only inspected here, never shown.
     */
    private static boolean isWatch(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WatcherException
                    || (c instanceof KubernetesClientException && String.valueOf(c.getMessage()).contains("watch=true"))) {
                return true;
            }
        }
        return false;
    }

    /** 410 Gone: the resource version is too old; fabric8 relists, nothing is wrong. */
    static boolean isGone(Throwable t) {
        Integer code = httpCode(t);
        return code != null && code == 410;
    }

    /** Describes a failed request that is not about one kind (version, namespaces). */
    static Failure ofRequest(Throwable t, String server) {
        return ofRequest(t, server, null, null);
    }

    /**
     * Like {@link #ofRequest(Throwable, String)}, naming the context and what to check in it; a TLS
     * failure also says what the server presented (read within {@code tlsProbeTimeout}; null: not read).
     */
    static Failure ofRequest(Throwable t, String server, String context, Duration tlsProbeTimeout) {
        String target = server == null ? "the API server" : server;
        Integer code = httpCode(t);
        if (code != null && code == 401) {
            return new Failure(Kind.UNREACHABLE, context == null ? "the API server rejected the credentials (401)"
                    : "the API server at " + target + " rejected the credentials of context '" + context
                    + "' (401 Unauthorized): its token or client certificate is not, or no longer, accepted;"
                    + " get fresh credentials and retry");
        }
        if (code != null && code == 403) {
            return new Failure(Kind.FORBIDDEN, "no permission (403)");
        }
        Throwable root = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnknownHostException) {
                return unreachable(target, "unknown host");
            }
            if (c instanceof NoRouteToHostException) {
                return unreachable(target, "no route to host");
            }
            if (c instanceof ConnectException) {
                String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
                return unreachable(target, m.contains("refused") ? "connection refused"
                        : m.contains("timed out") ? "connection timed out" : "cannot connect");
            }
            if (c instanceof SocketTimeoutException || c instanceof TimeoutException
                    || c.getClass().getSimpleName().contains("Timeout")) {
                return unreachable(target, "no answer in time");
            }
            if (c instanceof SSLException || c instanceof GeneralSecurityException) {
                if (tlsProbeTimeout != null && server != null) {
                    return new Failure(Kind.UNREACHABLE, TlsFailure.describe(c, server, context, tlsProbeTimeout));
                }
                return new Failure(Kind.UNREACHABLE, "TLS with " + target + " failed: " + tlsReason(c));
            }
            root = c;
        }
        if (code != null && code > 0) {
            return new Failure(code >= 500 ? Kind.UNREACHABLE : Kind.OTHER,
                    "the API server answered " + code + statusReason(t));
        }
        if (root instanceof IOException) {
            return unreachable(target, "connection failed (" + root.getClass().getSimpleName() + ")");
        }
        return new Failure(Kind.OTHER, "request failed (" + (root == null ? "unknown error"
                : root.getClass().getSimpleName()) + ")");
    }

    private static Failure unreachable(String target, String why) {
        return new Failure(Kind.UNREACHABLE, "cannot reach " + target + ": " + why);
    }

    private static Integer httpCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WatcherException we) {
                KubernetesClientException kce = we.asClientException();
                if (kce != null && kce.getCode() > 0) {
                    return kce.getCode();
                }
            }
            if (c instanceof KubernetesClientException kce && kce.getCode() > 0) {
                return kce.getCode();
            }
        }
        return null;
    }

    private static String statusReason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KubernetesClientException kce && kce.getStatus() != null
                    && kce.getStatus().getReason() != null) {
                // the reason is a fixed word such as "ServiceUnavailable", never a body
                return " (" + kce.getStatus().getReason() + ")";
            }
        }
        return "";
    }

    private static String tlsReason(Throwable c) {
        String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("pkix") || m.contains("unable to find valid certification path")) {
            return "the server's certificate is not trusted";
        }
        if (m.contains("no subject alternative") || m.contains("hostname")) {
            return "the server's certificate does not match its address";
        }
        if (m.contains("expired") || m.contains("notafter")) {
            return "a certificate has expired";
        }
        if (m.contains("bad_certificate") || m.contains("certificate_required")) {
            return "the server did not accept the client certificate";
        }
        return "handshake failed (" + c.getClass().getSimpleName() + ")";
    }
}
