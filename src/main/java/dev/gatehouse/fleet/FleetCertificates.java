package dev.gatehouse.fleet;

import dev.gatehouse.tls.LeafSummary;
import dev.gatehouse.tls.MaterialReaders;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a TLS Secret into its fleet row. */
final class FleetCertificates {

    private FleetCertificates() {
    }

    /**
     * @param cache what each distinct {@code tls.crt} came to (the same certificate is often in many clusters and
     *              namespaces): analysed once
     */
    static FleetCertificate of(String context, Secret secret, Map<String, List<String>> usedBy, Instant now,
                               CertificateCache cache) {
        String ns = secret.getMetadata().getNamespace();
        String name = secret.getMetadata().getName();
        List<String> users = usedBy.getOrDefault(ns + "/" + name, List.of());
        Optional<String> certManager = Optional.ofNullable(secret.getMetadata().getAnnotations())
                .map(a -> a.get("cert-manager.io/certificate-name")).filter(s -> !s.isBlank());
        String crt = secret.getData() == null ? null : secret.getData().get("tls.crt");
        byte[] bytes = null;
        if (crt == null && secret.getStringData() != null) {
            bytes = Optional.ofNullable(secret.getStringData().get("tls.crt"))
                    .filter(s -> !s.isBlank()).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .orElse(null);
        } else if (crt != null && !crt.isBlank()) {
            try {
                bytes = Base64.getMimeDecoder().decode(crt);
            } catch (IllegalArgumentException e) {
                return unreadable(context, ns, name, users, certManager, "tls.crt is not valid base64");
            }
        }
        if (bytes == null) {
            return unreadable(context, ns, name, users, certManager, "tls.crt is empty or missing");
        }
        String label = ns + "/" + name + " tls.crt";
        CertificateCache.Analysis analysis = cache.get(bytes, b -> analyse(b, label));
        if (analysis.info().isEmpty()) {
            return unreadable(context, ns, name, users, certManager, analysis.problem().orElseThrow());
        }
        return row(context, ns, name, analysis.info().get(), users, certManager, now);
    }

    /** The leaf of PEM or DER bytes analysed, or why there is none. */
    static CertificateCache.Analysis analyse(byte[] bytes, String label) {
        Optional<X509Certificate> leaf = firstCertificate(bytes);
        if (leaf.isEmpty()) {
            // not plain PEM/DER: the full reader says what it is (a key, PKCS#7, garbage)
            List<X509Certificate> chain = MaterialReaders.read(bytes, label).chain();
            if (chain.isEmpty()) {
                return CertificateCache.Analysis.unreadable("tls.crt holds no certificate");
            }
            leaf = Optional.of(chain.get(0));
        }
        return CertificateCache.Analysis.of(LeafSummary.of(leaf.get()));
    }

    /** Days left and the band at the scan's {@code now} (the summary may be from an earlier scan). */
    private static FleetCertificate row(String context, String ns, String name, LeafSummary leaf, List<String> users,
                                        Optional<String> certManager, Instant now) {
        return new FleetCertificate(context, ns, name, leaf.subject(), leaf.hosts(), leaf.issuer(),
                Optional.of(leaf.notAfter()), leaf.daysLeft(now), Optional.of(leaf.expiry(now)), users, certManager,
                Optional.empty());
    }

    /**
     * The first certificate of PEM or DER bytes, read by the JDK alone: a fleet reads thousands of Secrets, and this
     * is ten times cheaper than the full material reader, which only runs when this finds nothing.
     */
    static Optional<X509Certificate> firstCertificate(byte[] bytes) {
        try {
            java.security.cert.Certificate c = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(bytes));
            return c instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static FleetCertificate unreadable(String context, String ns, String name, List<String> users,
                                               Optional<String> certManager, String problem) {
        return new FleetCertificate(context, ns, name, "", List.of(), "", Optional.empty(), 0, Optional.empty(),
                users, certManager, Optional.of(problem));
    }
}
