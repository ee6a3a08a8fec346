package dev.gatehouse.routing.model;

import dev.gatehouse.tls.HostnameMatcher;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule or TLS host as written in an Ingress: none (every host), exact, or a one-label wildcard.
 *
 * @param raw      as written
 * @param host     lower-cased; empty for "every host"
 * @param kind     none / exact / wildcard
 * @param validity whether the API server would accept it
 * @param problem  a plain explanation when invalid
 */
public record HostPattern(String raw, String host, Kind kind, Validity validity, Optional<String> problem) {

    /** What a host matches. */
    public enum Kind { ANY, EXACT, WILDCARD }

    /** Whether the API server accepts the host. */
    public enum Validity { VALID, INVALID_WILDCARD, INVALID_HOST }

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern WILDCARD = Pattern.compile("\\*\\." + LABEL + "(\\." + LABEL + ")*");

    /** Parses a host as written in {@code rules[].host} or {@code tls[].hosts[]}. */
    public static HostPattern parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new HostPattern("", "", Kind.ANY, Validity.VALID, Optional.empty());
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (raw.contains("*")) {
            if (WILDCARD.matcher(raw).matches()) {
                return new HostPattern(raw, lower, Kind.WILDCARD, Validity.VALID, Optional.empty());
            }
            return new HostPattern(raw, lower, Kind.EXACT, Validity.INVALID_WILDCARD, Optional.of(
                    "\"" + raw + "\" is not a valid wildcard: the * must be the whole first label, as in *.example.com"));
        }
        if (raw.contains(":")) {
            return invalid(raw, lower, "\"" + raw + "\" must not include a port (or be an IPv6 address)");
        }
        if (HostnameMatcher.isIpAddress(raw)) {
            return invalid(raw, lower, "\"" + raw + "\" is an IP address; Ingress hosts must be DNS names");
        }
        if (!raw.equals(lower)) {
            return invalid(raw, lower, "\"" + raw + "\" must be lower case");
        }
        if (!DNS.matcher(raw).matches() || raw.length() > 253) {
            return invalid(raw, lower, "\"" + raw + "\" is not a valid DNS name");
        }
        return new HostPattern(raw, lower, Kind.EXACT, Validity.VALID, Optional.empty());
    }

    private static HostPattern invalid(String raw, String lower, String message) {
        return new HostPattern(raw, lower, Kind.EXACT, Validity.INVALID_HOST, Optional.of(message));
    }

    /** Does this pattern match a normalized request host (exact; wildcard covers exactly one label)? */
    public boolean matches(String requestHost) {
        return switch (kind) {
            case ANY -> true;
            case EXACT -> host.equals(requestHost);
            case WILDCARD -> HostnameMatcher.matches(host, requestHost);
        };
    }

    public boolean valid() {
        return validity == Validity.VALID;
    }

    /** The host for messages: {@code shop.example.com}, {@code *.example.com} or {@code (any host)}. */
    public String display() {
        return kind == Kind.ANY ? "(any host)" : host;
    }
}
