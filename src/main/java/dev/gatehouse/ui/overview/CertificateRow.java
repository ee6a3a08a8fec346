package dev.gatehouse.ui.overview;

import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.PemReader;
import java.time.Instant;
import java.util.Optional;

/** A TLS Secret's leaf certificate, parsed once (off the FX thread) for the expiry overview. */
public record CertificateRow(String namespace, String name, Optional<CertificateInfo> leaf) {
    private static final PemReader PEM = new PemReader();

    public static CertificateRow of(SecretSummary s) {
        Optional<CertificateInfo> info = s.tlsCrt().flatMap(bytes -> {
            ParsedMaterial m = PEM.read(bytes, s.namespace() + "/" + s.name() + " tls.crt");
            return m.certificates().isEmpty() ? Optional.empty()
                    : Optional.of(CertificateInfo.of(m.certificates().get(0).certificate(), Instant.now()));
        });
        return new CertificateRow(s.namespace(), s.name(), info);
    }
}
