package dev.gatehouse.demo;

import dev.gatehouse.tls.build.CertificateBuilder;
import dev.gatehouse.tls.build.CertificateBundle;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's certificates, generated at start from the seed's {@code certificates.yaml} so that
 * "expired" and "valid" are relative to now. Issuers must be listed before what they sign.
 */
final class DemoPki {

    private final Map<String, CertificateBundle> bundles;

    private DemoPki(Map<String, CertificateBundle> bundles) {
        this.bundles = Collections.unmodifiableMap(bundles);
    }

    static DemoPki generate(List<CertificateSpec> specs, Instant now) {
        Map<String, CertificateBundle> bundles = new LinkedHashMap<>();
        for (CertificateSpec spec : specs) {
            if (bundles.containsKey(spec.name())) {
                throw new IllegalArgumentException("certificate \"" + spec.name() + "\" is defined twice");
            }
            bundles.put(spec.name(), build(spec, now, bundles));
        }
        return new DemoPki(bundles);
    }

    private static CertificateBundle build(CertificateSpec spec, Instant now, Map<String, CertificateBundle> earlier) {
        CertificateBuilder builder = CertificateBuilder.create()
                .algorithm(spec.algorithm())
                .notBefore(spec.notBeforeFrom(now))
                .notAfter(spec.notAfterFrom(now))
                .ca(spec.ca());
        if (spec.subject() != null) {
            builder.subject(spec.subject());
        }
        if (spec.pathLength() != null) {
            builder.pathLength(spec.pathLength());
        }
        builder.sans(spec.dnsNames().toArray(String[]::new));
        builder.ipSans(spec.ipAddresses().toArray(String[]::new));
        if (spec.usages().contains("serverAuth")) {
            builder.serverAuth();
        }
        if (spec.usages().contains("clientAuth")) {
            builder.clientAuth();
        }
        if (spec.issuer() != null) {
            CertificateBundle issuer = earlier.get(spec.issuer());
            if (issuer == null) {
                throw new IllegalArgumentException("certificate \"" + spec.name() + "\" names issuer \""
                        + spec.issuer() + "\", which is not defined before it");
            }
            builder.issuedBy(issuer);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("certificate \"" + spec.name() + "\": " + e.getMessage(), e);
        }
    }

    Optional<CertificateBundle> find(String name) {
        return Optional.ofNullable(bundles.get(name));
    }

    CertificateBundle get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no certificate named \"" + name + "\""));
    }

    Map<String, CertificateBundle> all() {
        return bundles;
    }
}
