package dev.gatehouse.tls;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The analysis of a certificate set (typically {@code tls.crt}) and its private key.
 *
 * @param certificates   facts about each certificate, in file order
 * @param leafIndex      0-based index of the certificate identified as the leaf (-1 when none)
 * @param order          how the certificates are ordered
 * @param suggestedOrder 0-based indices of the chain leaf first, each followed by its issuer
 * @param completeness   whether the chain reaches a root
 * @param missingIssuer  the issuer DN that is neither in the set nor a trusted root, when the chain does not
 *                       reach one
 * @param keyMatch       whether the key belongs to the leaf
 * @param keyMatchIndex  0-based index of the certificate the key belongs to, if any
 * @param trustedBy      when the chain reaches a trusted root: that root and where it came from, e.g.
 *                       "Gatehouse Demo Root CA (the demo cluster's CA)"
 * @param findings       each problem found, typed, with a plain message
 */
public record ChainAnalysis(
        List<CertificateInfo> certificates,
        int leafIndex,
        Order order,
        List<Integer> suggestedOrder,
        Completeness completeness,
        Optional<String> missingIssuer,
        KeyMatch keyMatch,
        OptionalInt keyMatchIndex,
        Optional<String> trustedBy,
        List<MaterialProblem> findings) {

    /** Certificate order in the file. */
    public enum Order {
        /** No certificates. */
        EMPTY,
        /** Leaf first, each certificate issued by the next. */
        ORDERED,
        /** The first certificate is not the leaf: ingress-nginx rejects the Secret. */
        LEAF_NOT_FIRST,
        /** The leaf is first but the intermediates are not each followed by their issuer. */
        INTERMEDIATES_OUT_OF_ORDER,
        /** Some certificates are not part of the leaf's chain. */
        UNRELATED_CERTIFICATES
    }

    /** Whether the chain can be verified up to a root. */
    public enum Completeness {
        /** No certificates to judge. */
        UNKNOWN,
        /** The chain ends at a trusted root (the root itself need not be included). */
        COMPLETE,
        /** The chain includes its self-signed root (allowed, but unnecessary); the root may or may not be trusted. */
        COMPLETE_WITH_ROOT,
        /**
         * The chain ends at an intermediate CA whose issuer is not among the trusted roots here: complete for
         * clients that trust that root (a private or company CA), unverifiable for others. Gatehouse cannot
         * tell whether a further intermediate is missing between the two.
         */
        ROOT_NOT_TRUSTED,
        /** The top certificate is the leaf and its issuer is neither included nor trusted: intermediates are missing. */
        INCOMPLETE
    }

    /** Whether the private key matches the leaf. */
    public enum KeyMatch {
        NO_KEY,
        MATCHES_LEAF,
        /** The key belongs to another certificate of the set (often: the leaf is not first). */
        MATCHES_OTHER_CERTIFICATE,
        MATCHES_NONE
    }

    public ChainAnalysis {
        certificates = List.copyOf(certificates);
        suggestedOrder = List.copyOf(suggestedOrder);
        findings = List.copyOf(findings);
    }

    /** The findings' messages, in order. */
    public List<String> problems() {
        return findings.stream().map(MaterialProblem::message).toList();
    }

    /** The findings of one kind. */
    public List<MaterialProblem> findings(MaterialProblem.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** True when the chain reaches a root trusted here. */
    public boolean trusted() {
        return trustedBy.isPresent();
    }

    public Optional<CertificateInfo> leaf() {
        return leafIndex < 0 ? Optional.empty() : Optional.of(certificates.get(leafIndex));
    }

    /** The certificate a server would present first (the first in the file). */
    public Optional<CertificateInfo> first() {
        return certificates.isEmpty() ? Optional.empty() : Optional.of(certificates.get(0));
    }

    /** True when the order is one a server can present as is. */
    public boolean ordered() {
        return order == Order.ORDERED;
    }
}
