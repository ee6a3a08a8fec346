package dev.gatehouse.probe;

import java.util.Optional;

/**
 * Where to connect: a host name or IP address and a port ({@code HOST[:PORT]}, IPv6 as {@code [::1]:8443}).
 *
 * @param host a host name or an IP literal (IPv6 without brackets)
 * @param port 1–65535
 */
public record ProbeAddress(String host, int port) {

    /** The HTTPS port ingress controllers listen on. */
    public static final int HTTPS_PORT = 443;

    public ProbeAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an address needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /** The result of reading user input: an address or a plain message. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    public record Valid(ProbeAddress address) implements Parsed {
    }

    public record Invalid(String message) implements Parsed {
    }

    /** Reads {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare IPv6 literal; the port defaults to 443. */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Invalid("the address is empty; give HOST[:PORT], e.g. 203.0.113.10:443");
        }
        String t = text.trim();
        int scheme = t.indexOf("://");
        if (scheme > 0) {
            String rest = t.substring(scheme + 3).replaceFirst("[/?#].*$", "");
            return new Invalid("\"" + t + "\" is a URL; give HOST[:PORT]" + (rest.isEmpty() ? ""
                    : ", e.g. " + rest + (rest.contains(":") ? "" : ":" + HTTPS_PORT)));
        }
        String host;
        Optional<String> port = Optional.empty();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                return new Invalid("\"" + t + "\" opens an IPv6 address with [ but never closes it");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return new Invalid("\"" + t + "\": after ] comes :PORT");
                }
                port = Optional.of(rest.substring(1));
            }
        } else if (t.chars().filter(c -> c == ':').count() > 1) {
            host = t; // a bare IPv6 literal
        } else {
            int colon = t.indexOf(':');
            host = colon < 0 ? t : t.substring(0, colon);
            port = colon < 0 ? Optional.empty() : Optional.of(t.substring(colon + 1));
        }
        if (host.isBlank()) {
            return new Invalid("\"" + t + "\" has no host before the port");
        }
        if (host.contains("/") || host.contains(" ")) {
            return new Invalid("\"" + t + "\" is not HOST[:PORT] (a URL or a path?)");
        }
        int number = HTTPS_PORT;
        if (port.isPresent()) {
            try {
                number = Integer.parseInt(port.get());
            } catch (NumberFormatException e) {
                return new Invalid("\"" + port.get() + "\" in \"" + t + "\" is not a port number");
            }
            if (number < 1 || number > 65535) {
                return new Invalid("port " + number + " in \"" + t + "\" is not between 1 and 65535");
            }
        }
        return new Valid(new ProbeAddress(host, number));
    }

    /** {@code host:port}, IPv6 in brackets. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
