package dev.gatehouse.ui.certs;

import dev.gatehouse.cluster.SecretSummary;
import dev.gatehouse.cluster.write.TlsSecretChange;
import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.MaterialAnalysis;
import dev.gatehouse.tls.MaterialAnalyzer;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.ParsedMaterial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Secret's certificate material, read and analysed once when the Secret arrives or changes (on a
 * worker thread, never the FX thread). Keeps the summary for export and renewal.
 *
 * @param summary   the cached Secret
 * @param analysis  {@code tls.crt} (and {@code tls.key}) analysed, when the Secret has a {@code tls.crt}
 */
public record SecretCertificate(SecretSummary summary, Optional<MaterialAnalysis> analysis) {

    public static SecretCertificate of(SecretSummary s, MaterialAnalyzer analyzer) {
        Optional<byte[]> crt = s.tlsCrt();
        if (crt.isEmpty()) {
            return new SecretCertificate(s, Optional.empty());
        }
        List<ParsedMaterial> inputs = new ArrayList<>();
        inputs.add(MaterialReaders.read(crt.get(), SecretSummary.TLS_CRT));
        s.tlsKey().ifPresent(k -> inputs.add(MaterialReaders.read(k, SecretSummary.TLS_KEY)
                .without(MaterialProblem.Kind.KEY_WITHOUT_CERTIFICATE)));
        return new SecretCertificate(s, Optional.of(analyzer.analyze(inputs, List.of())));
    }

    public String key() {
        return summary.namespace() + "/" + summary.name();
    }

    /** The certificate a server presents: the first of {@code tls.crt}. */
    public Optional<CertificateInfo> served() {
        return analysis.flatMap(a -> a.chain().first());
    }

    /** The cert-manager Certificate owning the Secret, if any. */
    public Optional<String> certManager() {
        return Optional.ofNullable(summary.annotations().get(TlsSecretChange.CERT_MANAGER_ANNOTATION))
                .filter(n -> !n.isBlank());
    }

    /** Why no certificate can be shown, when none can. */
    public Optional<String> unreadable() {
        if (summary.tlsCrt().isEmpty()) {
            return Optional.of("The Secret has no tls.crt");
        }
        if (served().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(analysis.flatMap(a -> a.problems().stream().findFirst()).map(MaterialProblem::message)
                .orElse("tls.crt holds no readable certificate"));
    }
}
