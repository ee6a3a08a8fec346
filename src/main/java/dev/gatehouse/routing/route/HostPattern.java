package dev.gatehouse.routing.route;

import dev.gatehouse.tls.HostnameMatcher;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host pattern of the route model: none (every host), exact, or a wildcard. How many labels a
 * wildcard covers is a property of the pattern, set by the front-end that read it: an Ingress
 * wildcard covers exactly one label ({@link #parse}), a Gateway API one one or more ({@link #withSpan}).
 *
 * @param raw      as written
 * @param host     lower-cased; empty for "every host"
 * @param kind     none / exact / wildcard
 * @param validity whether the API server would accept it
 * @param problem  a plain explanation when invalid
 * @param span     the labels a wildcard's {@code *} stands for
 */
public record HostPattern(String raw, String host, Kind kind, Validity validity, Optional<String> problem,
                          WildcardSpan span) {

    /** What a host matches. */
    public enum Kind { ANY, EXACT, WILDCARD }

    /** The labels a wildcard's {@code *} stands for; never none (the apex is not covered). */
    public enum WildcardSpan {
        /** Ingress: {@code *.example.com} matches {@code a.example.com}, not {@code a.b.example.com}. */
        ONE_LABEL,
        /** Gateway API: {@code *.example.com} matches {@code a.example.com} and {@code a.b.example.com}. */
        ONE_OR_MORE_LABELS
    }

    public HostPattern(String raw, String host, Kind kind, Validity validity, Optional<String> problem) {
        this(raw, host, kind, validity, problem, WildcardSpan.ONE_LABEL);
    }

    /** The same pattern with a wildcard covering {@code span}. */
    public HostPattern withSpan(WildcardSpan span) {
        return new HostPattern(raw, host, kind, validity, problem, span);
    }

    /** Whether the API server accepts the host. */
    public enum Validity { VALID, INVALID_WILDCARD, INVALID_HOST }

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern WILDCARD = Pattern.compile("\\*\\." + LABEL + "(\\." + LABEL + ")*");

    /** Parses a host as written in an Ingress's {@code rules[].host} or {@code tls[].hosts[]} (one-label wildcards). */
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

    /** Does this pattern match a normalized request host (exact; a wildcard as its {@link #span} says)? */
    public boolean matches(String requestHost) {
        return switch (kind) {
            case ANY -> true;
            case EXACT -> host.equals(requestHost);
            case WILDCARD -> span == WildcardSpan.ONE_LABEL ? HostnameMatcher.matches(host, requestHost)
                    : coversOneOrMoreLabels(requestHost);
        };
    }

    private boolean coversOneOrMoreLabels(String requestHost) {
        String suffix = host.substring(1); // ".example.com"
        if (!requestHost.endsWith(suffix)) {
            return false;
        }
        String labels = requestHost.substring(0, requestHost.length() - suffix.length());
        return !labels.isEmpty() && !labels.startsWith(".") && !labels.endsWith(".") && !labels.contains("..");
    }

    public boolean valid() {
        return validity == Validity.VALID;
    }

    /** The host for messages: {@code shop.example.com}, {@code *.example.com} or {@code (any host)}. */
    public String display() {
        return kind == Kind.ANY ? "(any host)" : host;
    }
}
