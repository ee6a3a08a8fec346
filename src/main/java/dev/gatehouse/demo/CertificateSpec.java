package dev.gatehouse.demo;

import dev.gatehouse.tls.build.KeyAlgorithm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the seed's {@code certificates.yaml}: what to generate, with validity relative
 * to the moment the demo starts ({@code -400d}, {@code +90d}, {@code 12h}, {@code 0}).
 */
record CertificateSpec(String name, String subject, String issuer, boolean ca, Integer pathLength,
                       List<String> dnsNames, List<String> ipAddresses, List<String> usages,
                       String notBefore, String notAfter, KeyAlgorithm algorithm) {

    private static final Set<String> KEYS = Set.of("name", "subject", "issuer", "ca", "pathLength",
            "dnsNames", "ipAddresses", "usages", "notBefore", "notAfter", "algorithm");
    private static final Set<String> USAGES = Set.of("serverAuth", "clientAuth");
    private static final Pattern RELATIVE = Pattern.compile("([+-]?)(\\d+)([dhms]?)");

    CertificateSpec {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        usages = List.copyOf(usages);
    }

    /** Reads one entry of the YAML list, rejecting unknown keys so typos in the seed do not pass silently. */
    static CertificateSpec fromMap(Map<?, ?> map) {
        Object nameValue = map.get("name");
        if (!(nameValue instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("a certificate entry has no name");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("certificate \"" + name + "\" has an unknown key \"" + key + "\"");
            }
        }
        List<String> usages = strings(map, "usages", name);
        usages.stream().filter(u -> !USAGES.contains(u)).findFirst().ifPresent(u -> {
            throw new IllegalArgumentException("certificate \"" + name + "\" has an unknown usage \"" + u + "\"");
        });
        String algorithm = text(map, "algorithm", "EC_P256");
        KeyAlgorithm keyAlgorithm;
        try {
            keyAlgorithm = KeyAlgorithm.valueOf(algorithm.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("certificate \"" + name + "\" has an unknown algorithm \"" + algorithm + "\"", e);
        }
        Object pathLength = map.get("pathLength");
        return new CertificateSpec(name, text(map, "subject", null), text(map, "issuer", null),
                Boolean.TRUE.equals(map.get("ca")), pathLength == null ? null : ((Number) pathLength).intValue(),
                strings(map, "dnsNames", name), strings(map, "ipAddresses", name), usages,
                text(map, "notBefore", "-1h"), text(map, "notAfter", "+90d"), keyAlgorithm);
    }

    Instant notBeforeFrom(Instant now) {
        return relative(now, notBefore);
    }

    Instant notAfterFrom(Instant now) {
        return relative(now, notAfter);
    }

    private Instant relative(Instant now, String offset) {
        return relative(now, offset, "certificate \"" + name + "\"");
    }

    /** {@code now} moved by an offset such as {@code -400d}, {@code +90d}, {@code 12h}; {@code what} names it in errors. */
    static Instant relative(Instant now, String offset, String what) {
        Matcher m = RELATIVE.matcher(offset.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(what + ": \"" + offset
                    + "\" is not a relative time like -400d, +90d, 12h");
        }
        long amount = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
        Duration duration = switch (m.group(3)) {
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofDays(amount);
        };
        return now.plus(duration);
    }

    private static String text(Map<?, ?> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    private static List<String> strings(Map<?, ?> map, String key, String name) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("certificate \"" + name + "\": " + key + " must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }
}
