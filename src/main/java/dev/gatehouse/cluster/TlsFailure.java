package dev.gatehouse.cluster;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A failed TLS handshake with an API server in plain words: an unknown CA, a certificate for another
 * name, an expired one, or a refused client certificate, with what the server presented (issuer,
 * names, expiry: read with a second, unverified handshake that sends nothing) and which kubeconfig
 * field to check. Never the exception's own text.
 */
final class TlsFailure {

    enum Kind { UNKNOWN_CA, NAME_MISMATCH, EXPIRED, NOT_YET_VALID, CLIENT_CERTIFICATE_REFUSED, OTHER }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private TlsFailure() {
    }

    static Kind kind(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (c instanceof CertificateExpiredException) {
                return Kind.EXPIRED;
            }
            if (c instanceof CertificateNotYetValidException) {
                return Kind.NOT_YET_VALID;
            }
            if (m.contains("no subject alternative") || m.contains("no name matching") || m.contains("hostname")) {
                return Kind.NAME_MISMATCH;
            }
            if (c instanceof CertPathBuilderException || m.contains("unable to find valid certification path")
                    || m.contains("pkix path building")) {
                return Kind.UNKNOWN_CA;
            }
            if (m.contains("bad_certificate") || m.contains("certificate_required") || m.contains("certificate_unknown")
                    && m.contains("received")) {
                return Kind.CLIENT_CERTIFICATE_REFUSED;
            }
            if (m.contains("expired")) {
                return Kind.EXPIRED;
            }
        }
        return Kind.OTHER;
    }

    /**
     * @param server  the API server URL (no user info)
     * @param context the kubeconfig context, or null when unknown
     * @param timeout bounds the second handshake that reads the presented certificate
     */
    static String describe(Throwable t, String server, String context, Duration timeout) {
        Kind kind = kind(t);
        String at = "The API server at " + server;
        String where = context == null ? "the context's cluster entry" : "the cluster of context '" + context + "'";
        Optional<X509Certificate> leaf = kind == Kind.OTHER || kind == Kind.CLIENT_CERTIFICATE_REFUSED
                ? Optional.empty() : presented(server, timeout);
        String what = leaf.map(c -> " (subject \"" + c.getSubjectX500Principal().getName() + "\", issuer \""
                + c.getIssuerX500Principal().getName() + "\")").orElse("");
        return switch (kind) {
            case UNKNOWN_CA -> at + " presented a certificate signed by an unknown CA" + what
                    + "; check certificate-authority (or certificate-authority-data) of " + where;
            case NAME_MISMATCH -> at + " presented a certificate for " + leaf.map(TlsFailure::names)
                    .orElse("another name") + ", not for " + host(server) + "; check the server address (or"
                    + " tls-server-name) of " + where;
            case EXPIRED -> at + " presented a certificate that expired" + leaf.map(c -> " on "
                    + DAY.format(c.getNotAfter().toInstant())).orElse("") + what
                    + "; the cluster's serving certificate must be renewed";
            case NOT_YET_VALID -> at + " presented a certificate that is not valid yet" + leaf.map(c -> " (from "
                    + DAY.format(c.getNotBefore().toInstant()) + ")").orElse("") + "; check this computer's clock";
            case CLIENT_CERTIFICATE_REFUSED -> at + " did not accept the client certificate; check"
                    + " client-certificate and client-key of the user of " + (context == null ? "the context"
                    : "context '" + context + "'");
            case OTHER -> "TLS with " + server + " failed: handshake failed (" + rootName(t) + ")";
        };
    }

    private static String rootName(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String host(String server) {
        try {
            String h = URI.create(server).getHost();
            return h == null ? server : h;
        } catch (IllegalArgumentException e) {
            return server;
        }
    }

    /** "DNS:a, IP:1.2.3.4", or the subject when the certificate names no SAN. */
    static String names(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Object type = san.get(0);
                    if (Integer.valueOf(2).equals(type)) {
                        names.add("DNS:" + san.get(1));
                    } else if (Integer.valueOf(7).equals(type)) {
                        names.add("IP:" + san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall back to the subject
        }
        return names.isEmpty() ? "\"" + c.getSubjectX500Principal().getName() + "\"" : String.join(", ", names);
    }

    /** The leaf the server presents, read without verifying it (nothing is sent after the handshake). */
    static Optional<X509Certificate> presented(String server, Duration timeout) {
        try {
            URI uri = URI.create(server);
            int port = uri.getPort() > 0 ? uri.getPort() : 443;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Recorder()}, null);
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), port), millis);
                socket.setSoTimeout(millis);
                socket.startHandshake();
                var chain = socket.getSession().getPeerCertificates();
                return chain.length > 0 && chain[0] instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
            }
        } catch (Exception e) {
            return Optional.empty(); // the details are a bonus: the failure itself is already named
        }
    }

    /** Accepts any server certificate: only used to read what the server presents, never to send data. */
    private static final class Recorder implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // recorded by the session; accepted so the handshake completes
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
