package dev.gatehouse.fleet;

import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.MaterialReaders;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a TLS Secret into its fleet row. */
final class FleetCertificates {

    private FleetCertificates() {
    }

    /**
     * @param parsed the certificates already read in this context, by {@code tls.crt} (the same certificate is
     *               often copied into many namespaces): read once
     */
    static FleetCertificate of(String context, Secret secret, Map<String, List<String>> usedBy, Instant now,
                               Map<String, CertificateInfo> parsed) {
        String ns = secret.getMetadata().getNamespace();
        String name = secret.getMetadata().getName();
        List<String> users = usedBy.getOrDefault(ns + "/" + name, List.of());
        Optional<String> certManager = Optional.ofNullable(secret.getMetadata().getAnnotations())
                .map(a -> a.get("cert-manager.io/certificate-name")).filter(s -> !s.isBlank());
        String crt = secret.getData() == null ? null : secret.getData().get("tls.crt");
        if (crt == null && secret.getStringData() != null) {
            crt = Optional.ofNullable(secret.getStringData().get("tls.crt"))
                    .map(s -> Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .orElse(null);
        }
        if (crt == null || crt.isBlank()) {
            return unreadable(context, ns, name, users, certManager, "tls.crt is empty or missing");
        }
        CertificateInfo known = parsed.get(crt);
        if (known != null) {
            return row(context, ns, name, known, users, certManager);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(crt);
        } catch (IllegalArgumentException e) {
            return unreadable(context, ns, name, users, certManager, "tls.crt is not valid base64");
        }
        Optional<X509Certificate> leaf = firstCertificate(bytes);
        if (leaf.isEmpty()) {
            // not plain PEM/DER: the full reader says what it is (a key, PKCS#7, garbage)
            List<X509Certificate> chain = MaterialReaders.read(bytes, ns + "/" + name + " tls.crt").chain();
            if (chain.isEmpty()) {
                return unreadable(context, ns, name, users, certManager, "tls.crt holds no certificate");
            }
            leaf = Optional.of(chain.get(0));
        }
        CertificateInfo info = CertificateInfo.of(leaf.get(), now);
        parsed.put(crt, info);
        return row(context, ns, name, info, users, certManager);
    }

    private static FleetCertificate row(String context, String ns, String name, CertificateInfo info, List<String> users,
                                        Optional<String> certManager) {
        List<String> hosts = new ArrayList<>(info.dnsNames());
        hosts.addAll(info.ipAddresses());
        return new FleetCertificate(context, ns, name, info.subjectCommonName().orElse(info.subject()), hosts,
                info.issuerCommonName().orElse(info.issuer()), Optional.of(info.notAfter()), info.daysLeft(),
                Optional.of(info.expiry()), users, certManager, Optional.empty());
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
