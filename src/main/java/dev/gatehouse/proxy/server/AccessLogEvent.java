package dev.gatehouse.proxy.server;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * One request the proxy answered.
 *
 * @param time        when the request arrived
 * @param client      the client's address and port
 * @param protocol    {@code HTTP/1.1}, {@code HTTP/1.0} or {@code h2}
 * @param sni         the TLS server name the client sent (empty: plain HTTP or no SNI)
 * @param method      the request method
 * @param host        the Host header (without port)
 * @param path        path and query as the client sent them
 * @param ingress     the Ingress whose rule answered, as {@code namespace/name}
 * @param rule        which rule and path ({@code host shop.example.com, path /api (Prefix)})
 * @param backend     the backend Service port and where it was reached
 * @param status      the status sent to the client (0 when the connection broke before a response)
 * @param latency     from the request's arrival to the end of the response
 * @param tlsVersion  e.g. {@code TLSv1.3} (empty for plain HTTP)
 * @param cipher      the negotiated cipher suite
 * @param certificate the certificate presented to the client (subject), when TLS
 * @param note        why the proxy answered itself (redirect, no rule, backend unreachable …), else empty
 */
public record AccessLogEvent(Instant time, String client, String protocol, Optional<String> sni, String method,
                             String host, String path, Optional<String> ingress, Optional<String> rule,
                             Optional<String> backend, int status, Duration latency, Optional<String> tlsVersion,
                             Optional<String> cipher, Optional<String> certificate, String note) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** One line for a terminal: time, client, status, method, URL, SNI/TLS, rule, backend, latency, note. */
    public String line() {
        StringBuilder b = new StringBuilder();
        b.append(TIME.format(time)).append(' ').append(client).append(' ').append(status == 0 ? "---" : status)
                .append(' ').append(method).append(' ').append(tlsVersion.isPresent() ? "https://" : "http://")
                .append(host.isEmpty() ? "-" : host).append(path).append(' ').append(protocol);
        tlsVersion.ifPresent(v -> b.append(" sni=").append(sni.orElse("-")).append(' ').append(v).append(' ')
                .append(cipher.orElse("")));
        certificate.ifPresent(c -> b.append(" cert=\"").append(c).append('"'));
        b.append(" ingress=").append(ingress.orElse("-"));
        rule.ifPresent(r -> b.append(" rule=\"").append(r).append('"'));
        b.append(" backend=").append(backend.map(s -> "\"" + s + "\"").orElse("-"));
        b.append(' ').append(latencyMillis()).append("ms");
        if (!note.isEmpty()) {
            b.append(" \u2014 ").append(note);
        }
        return b.toString();
    }

    /** Latency in milliseconds with one decimal. */
    public String latencyMillis() {
        return String.format(Locale.ROOT, "%.1f", latency.toNanos() / 1_000_000.0);
    }

    /** The URL as the client addressed it (without port). */
    public String url() {
        return (tlsVersion.isPresent() ? "https://" : "http://") + host + path;
    }
}
