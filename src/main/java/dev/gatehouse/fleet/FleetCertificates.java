package dev.gatehouse.fleet;

import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.ParsedMaterial;
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

    static FleetCertificate of(String context, Secret secret, Map<String, List<String>> usedBy, Instant now) {
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
        ParsedMaterial material;
        try {
            material = MaterialReaders.read(Base64.getMimeDecoder().decode(crt), ns + "/" + name + " tls.crt");
        } catch (IllegalArgumentException e) {
            return unreadable(context, ns, name, users, certManager, "tls.crt is not valid base64");
        }
        List<X509Certificate> chain = material.chain();
        if (chain.isEmpty()) {
            return unreadable(context, ns, name, users, certManager, "tls.crt holds no certificate");
        }
        CertificateInfo info = CertificateInfo.of(chain.get(0), now);
        List<String> hosts = new ArrayList<>(info.dnsNames());
        hosts.addAll(info.ipAddresses());
        return new FleetCertificate(context, ns, name, info.subjectCommonName().orElse(info.subject()), hosts,
                info.issuerCommonName().orElse(info.issuer()), Optional.of(info.notAfter()), info.daysLeft(),
                Optional.of(info.expiry()), users, certManager, Optional.empty());
    }

    private static FleetCertificate unreadable(String context, String ns, String name, List<String> users,
                                               Optional<String> certManager, String problem) {
        return new FleetCertificate(context, ns, name, "", List.of(), "", Optional.empty(), 0, Optional.empty(),
                users, certManager, Optional.of(problem));
    }
}
