package dev.gatehouse.tls;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link MaterialReader} found: certificates in file order, private keys, and problems.
 *
 * @param source       the name used in messages
 * @param certificates certificates in the order they appear
 * @param keys         private keys in the order they appear
 * @param problems     problems and notes, in the order found
 */
public record ParsedMaterial(String source, List<CertificateEntry> certificates, List<KeyEntry> keys,
                             List<MaterialProblem> problems) {

    public ParsedMaterial {
        source = source == null ? "" : source;
        certificates = List.copyOf(certificates);
        keys = List.copyOf(keys);
        problems = List.copyOf(problems);
    }

    /** The certificates alone, in file order. */
    public List<X509Certificate> chain() {
        return certificates.stream().map(CertificateEntry::certificate).toList();
    }

    public Optional<KeyEntry> firstKey() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.level() == MaterialProblem.Level.ERROR);
    }

    public boolean has(MaterialProblem.Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }

    /** This material without problems of the given kinds (e.g. a key file is expected to hold no certificate). */
    public ParsedMaterial without(MaterialProblem.Kind... kinds) {
        List<MaterialProblem> kept = new ArrayList<>(problems);
        for (MaterialProblem.Kind kind : kinds) {
            kept.removeIf(p -> p.kind() == kind);
        }
        return new ParsedMaterial(source, certificates, keys, kept);
    }

    /** Material from two sources as one, e.g. {@code tls.crt} and {@code tls.key}. */
    public ParsedMaterial merge(ParsedMaterial other) {
        List<CertificateEntry> certs = new ArrayList<>(certificates);
        certs.addAll(other.certificates);
        List<KeyEntry> allKeys = new ArrayList<>(keys);
        allKeys.addAll(other.keys);
        List<MaterialProblem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        String name = source.isEmpty() ? other.source : other.source.isEmpty() ? source : source + " + " + other.source;
        return new ParsedMaterial(name, certs, allKeys, all);
    }
}
