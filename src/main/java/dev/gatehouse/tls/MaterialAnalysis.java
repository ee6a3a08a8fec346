package dev.gatehouse.tls;

import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Gatehouse knows about a set of certificates and keys (one file, several files, or a
 * Secret's {@code tls.crt} and {@code tls.key}): what was read, the chain analysis, the key that
 * belongs to the leaf, and every problem, typed, with a plain message.
 *
 * @param material what was read (all sources merged, certificates in reading order)
 * @param chain    the chain analysis of {@link ParsedMaterial#chain()}
 * @param key      the private key that belongs to the leaf, if one was read
 * @param problems reading problems, chain findings and set-level checks, in that order
 */
public record MaterialAnalysis(ParsedMaterial material, ChainAnalysis chain, Optional<KeyEntry> key,
                               List<MaterialProblem> problems) {

    /** Problems that make the set unusable as a TLS Secret as it stands. */
    private static final Set<MaterialProblem.Kind> BLOCKING = EnumSet.of(MaterialProblem.Kind.NO_CERTIFICATE,
            MaterialProblem.Kind.NO_KEY, MaterialProblem.Kind.KEY_MISMATCH,
            MaterialProblem.Kind.KEY_OF_OTHER_CERTIFICATE);

    public MaterialAnalysis {
        problems = List.copyOf(problems);
    }

    /** The leaf certificate's facts, if there is a certificate. */
    public Optional<CertificateInfo> leaf() {
        return chain.leaf();
    }

    /** The leaf certificate itself. */
    public Optional<X509Certificate> leafCertificate() {
        return chain.leafIndex() < 0 ? Optional.empty() : Optional.of(material.chain().get(chain.leafIndex()));
    }

    /**
     * What {@code tls.crt} should hold: the leaf, then each issuer, in order, without certificates that
     * are not part of the chain and without the self-signed root (servers need not send it) unless the
     * leaf is itself self-signed.
     */
    public List<X509Certificate> tlsChain() {
        List<X509Certificate> all = material.chain();
        List<Integer> path = chain.suggestedOrder();
        if (path.size() > 1 && chain.completeness() == ChainAnalysis.Completeness.COMPLETE_WITH_ROOT) {
            path = path.subList(0, path.size() - 1);
        }
        return path.stream().map(all::get).toList();
    }

    /** The certificates in the order they were read. */
    public List<X509Certificate> certificates() {
        return material.chain();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.level() == MaterialProblem.Level.ERROR);
    }

    /** The problems of one kind. */
    public List<MaterialProblem> problems(MaterialProblem.Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).toList();
    }

    /** True when a password would let Gatehouse read more. */
    public boolean asksForPassword() {
        return problems.stream().anyMatch(MaterialProblem::asksForPassword);
    }

    /** Why this set cannot become a TLS Secret (no certificate, no matching key), empty when it can. */
    public List<MaterialProblem> blockers() {
        return problems.stream().filter(p -> BLOCKING.contains(p.kind())).toList();
    }

    /** A leaf and the key that belongs to it: enough for {@code tls.crt} and {@code tls.key}. */
    public boolean usableForTls() {
        return blockers().isEmpty() && leaf().isPresent() && key.isPresent();
    }
}
