package dev.gatehouse.tls;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host name matching as TLS clients do it (RFC 6125 / RFC 2818 as browsers apply it): case-insensitive,
 * a trailing dot ignored, a wildcard only as the whole left-most label ({@code *.example.com}) covering
 * exactly one label, never a public suffix-like single label ({@code *.com}). IP addresses match only
 * IP SANs, exactly.
 */
public final class HostnameMatcher {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostnameMatcher() {
    }

    /** Lower-cases a host and drops a trailing dot. */
    public static String normalize(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** True when {@code host} looks like an IPv4 or IPv6 literal. */
    public static boolean isIpAddress(String host) {
        String h = normalize(host);
        return IPV4.matcher(h).matches() || h.contains(":") || h.startsWith("[");
    }

    /**
     * Does a certificate name pattern (a DNS SAN, possibly {@code *.example.com}) cover the host?
     * The host itself may be a wildcard rule host ({@code *.example.com}); it is then covered only by
     * the same wildcard.
     */
    public static boolean matches(String pattern, String host) {
        String p = normalize(pattern);
        String h = normalize(host);
        if (p.isEmpty() || h.isEmpty()) {
            return false;
        }
        if (p.equals(h)) {
            return true;
        }
        if (!p.startsWith("*.") || h.startsWith("*.")) {
            return false;
        }
        String suffix = p.substring(1); // ".example.com"
        if (suffix.indexOf('.', 1) < 0 || suffix.contains("*")) {
            return false; // "*.com" or a second wildcard: never valid
        }
        if (!h.endsWith(suffix)) {
            return false;
        }
        String first = h.substring(0, h.length() - suffix.length());
        return !first.isEmpty() && !first.contains(".");
    }

    /** How a certificate covers a host: by SAN, by common name only (no SANs), or not. */
    public static HostCoverage coverage(CertificateInfo cert, String host) {
        String h = normalize(host);
        if (isIpAddress(h)) {
            String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
            return cert.ipAddresses().stream().anyMatch(ip -> ip.equalsIgnoreCase(bare))
                    ? HostCoverage.SAN : HostCoverage.NONE;
        }
        if (cert.dnsNames().stream().anyMatch(name -> matches(name, h))) {
            return HostCoverage.SAN;
        }
        boolean noSans = cert.dnsNames().isEmpty() && cert.ipAddresses().isEmpty();
        if (noSans && cert.subjectCommonName().map(cn -> matches(cn, h)).orElse(false)) {
            return HostCoverage.COMMON_NAME_ONLY;
        }
        return HostCoverage.NONE;
    }

    /** The names a certificate covers, for messages: its DNS and IP SANs, or its common name. */
    public static List<String> coveredNames(CertificateInfo cert) {
        if (cert.dnsNames().isEmpty() && cert.ipAddresses().isEmpty()) {
            return cert.subjectCommonName().map(List::of).orElse(List.of());
        }
        return java.util.stream.Stream.concat(cert.dnsNames().stream(), cert.ipAddresses().stream()).toList();
    }
}
