package dev.gatehouse.routing;

import dev.gatehouse.routing.route.RequestHeaders;
import dev.gatehouse.tls.HostnameMatcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request to explain: method, URL parts and the TLS SNI the client sends.
 *
 * @param method            HTTP method, upper case
 * @param scheme            {@code http} or {@code https}
 * @param host              the Host header without port, lower case, no trailing dot
 * @param port              the port (80 / 443 when not given)
 * @param path              the path as the client sends it, "/" at least, percent-encoding kept;
 *                          explaining matches it as nginx normalises it ({@link NginxPath})
 * @param query             the query string without "?", empty when none
 * @param sni               the TLS server name; empty = no SNI (e.g. {@code curl -H 'Host: x' https://IP})
 * @param clientCertificate the client certificate presented
 * @param headers           request headers routes may match on (Gateway API header matches); the Host
 *                          header is {@code host}, not here
 */
public record ProbeRequest(String method, String scheme, String host, int port, String path, String query,
                           Optional<String> sni, ClientCertificate clientCertificate, RequestHeaders headers) {

    public ProbeRequest {
        headers = headers == null ? RequestHeaders.empty() : headers;
    }

    /** A request without headers to match on. */
    public ProbeRequest(String method, String scheme, String host, int port, String path, String query,
                        Optional<String> sni, ClientCertificate clientCertificate) {
        this(method, scheme, host, port, path, query, sni, clientCertificate, RequestHeaders.empty());
    }

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** The result of parsing user input: a request, or a plain message. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    /** A valid request. */
    public record Valid(ProbeRequest request) implements Parsed {
    }

    /** Input that is not a usable request, with the reason. */
    public record Invalid(String message) implements Parsed {
    }

    /**
     * Parses a method and an absolute URL. For https the SNI defaults to the URL host (as browsers and
     * curl send it), except for IP addresses, which are never sent as SNI.
     */
    public static Parsed parse(String method, String url) {
        String m = method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
        if (!TOKEN.matcher(m).matches()) {
            return new Invalid("\"" + method + "\" is not an HTTP method");
        }
        if (url == null || url.isBlank()) {
            return new Invalid("Give a URL such as https://shop.example.com/path");
        }
        String text = url.trim();
        if (!text.contains("://")) {
            return new Invalid("\"" + text + "\" has no scheme; write http://" + text + " or https://" + text);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return new Invalid("\"" + text + "\" is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Invalid("The scheme must be http or https, not \"" + uri.getScheme() + "\"");
        }
        String rawHost = uri.getHost();
        if (rawHost == null || rawHost.isBlank()) {
            return new Invalid("\"" + text + "\" has no host name");
        }
        String host = HostnameMatcher.normalize(rawHost);
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Optional<String> sni = scheme.equals("https") && !HostnameMatcher.isIpAddress(host)
                ? Optional.of(host) : Optional.empty();
        return new Valid(new ProbeRequest(m, scheme, host, port, path, query, sni, ClientCertificate.NONE));
    }

    /** This request with another SNI ({@code Optional.empty()} = no SNI). */
    public ProbeRequest withSni(Optional<String> name) {
        return new ProbeRequest(method, scheme, host, port, path, query,
                name.map(HostnameMatcher::normalize).filter(s -> !s.isEmpty()), clientCertificate, headers);
    }

    public ProbeRequest withClientCertificate(ClientCertificate certificate) {
        return new ProbeRequest(method, scheme, host, port, path, query, sni, certificate, headers);
    }

    /** This request with other headers to match on. */
    public ProbeRequest withHeaders(RequestHeaders other) {
        return new ProbeRequest(method, scheme, host, port, path, query, sni, clientCertificate, other);
    }

    public boolean https() {
        return "https".equals(scheme);
    }

    /** The path with its query string. */
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The URL as the client addresses it. */
    public String url() {
        boolean defaultPort = https() ? port == 443 : port == 80;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + pathAndQuery();
    }
}
