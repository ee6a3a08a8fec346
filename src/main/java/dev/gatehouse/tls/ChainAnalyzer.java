package dev.gatehouse.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Analyses a certificate set and its key: which is the leaf, whether the order is leaf first with each
 * certificate issued by the next, whether the chain reaches a trusted root (or where it stops), and
 * whether the key matches the leaf. Findings are typed {@link MaterialProblem}s.
 */
public final class ChainAnalyzer {

    private final Clock clock;
    private final TrustAnchors anchors;

    public ChainAnalyzer(Clock clock, TrustAnchors anchors) {
        this.clock = clock;
        this.anchors = anchors;
    }

    /** Analyses the certificates and the first private key of the material. */
    public ChainAnalysis analyze(ParsedMaterial material) {
        return analyze(material.chain(), material.firstKey().map(KeyEntry::privateKey));
    }

    /** Analyses certificates in file order with an optional private key. */
    public ChainAnalysis analyze(List<X509Certificate> certs, Optional<PrivateKey> key) {
        Instant now = clock.instant();
        List<CertificateInfo> infos = certs.stream().map(c -> CertificateInfo.of(c, now)).toList();
        int n = certs.size();
        if (n == 0) {
            ChainAnalysis.KeyMatch km = key.isPresent() ? ChainAnalysis.KeyMatch.MATCHES_NONE
                    : ChainAnalysis.KeyMatch.NO_KEY;
            return new ChainAnalysis(infos, -1, ChainAnalysis.Order.EMPTY, List.of(),
                    ChainAnalysis.Completeness.UNKNOWN, Optional.empty(), km, OptionalInt.empty(), Optional.empty(),
                    List.of());
        }
        boolean[] selfSigned = new boolean[n];
        for (int i = 0; i < n; i++) {
            selfSigned[i] = CertificateInspector.selfSigned(certs.get(i));
        }
        int[] issuer = issuerIndexes(certs, selfSigned);
        boolean[] issuesOther = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (issuer[i] >= 0) {
                issuesOther[issuer[i]] = true;
            }
        }
        OptionalInt keyIndex = key.isEmpty() ? OptionalInt.empty()
                : IntStream.range(0, n).filter(i -> KeyMatcher.matches(key.get(), certs.get(i).getPublicKey()))
                        .findFirst();
        int leaf = pickLeaf(n, issuesOther, keyIndex);
        List<MaterialProblem> findings = new ArrayList<>();
        List<Integer> path = chainFrom(leaf, issuer, selfSigned, infos, findings);
        ChainAnalysis.Order order = order(n, leaf, path);
        describeOrder(order, infos, leaf, path, findings);

        int top = path.get(path.size() - 1);
        X509Certificate last = certs.get(top);
        CertificateInfo lastInfo = infos.get(top);
        ChainAnalysis.Completeness completeness;
        Optional<String> missing = Optional.empty();
        Optional<String> trustedBy = Optional.empty();
        Optional<X509Certificate> anchor = selfSigned[top] ? Optional.of(last).filter(anchors::contains)
                : anchors.issuerOf(last);
        if (selfSigned[top]) {
            completeness = ChainAnalysis.Completeness.COMPLETE_WITH_ROOT;
        } else if (anchor.isPresent()) {
            completeness = ChainAnalysis.Completeness.COMPLETE;
        } else if (lastInfo.ca() && top != leaf) {
            completeness = ChainAnalysis.Completeness.ROOT_NOT_TRUSTED;
            missing = Optional.of(lastInfo.issuer());
            findings.add(MaterialProblem.info(MaterialProblem.Kind.ROOT_NOT_TRUSTED, "The chain ends at the"
                    + " intermediate CA \"" + lastInfo.displayName() + "\"; its issuer \""
                    + lastInfo.issuerCommonName().orElse(lastInfo.issuer()) + "\" is not among the roots trusted"
                    + " here, so only clients that trust that root (a private or company CA) can verify the chain"));
        } else {
            completeness = ChainAnalysis.Completeness.INCOMPLETE;
            missing = Optional.of(lastInfo.issuer());
            findings.add(MaterialProblem.warning(MaterialProblem.Kind.CHAIN_INCOMPLETE, "The chain is incomplete: \""
                    + lastInfo.issuerCommonName().orElse(lastInfo.issuer()) + "\", which issued \""
                    + lastInfo.displayName() + "\", is not included"));
        }
        if (anchor.isPresent()) {
            X509Certificate root = anchor.get();
            trustedBy = Optional.of("\"" + CertificateInspector.commonName(root.getSubjectX500Principal())
                    .orElse(root.getSubjectX500Principal().getName()) + "\" (" + anchors.originOf(root) + ")");
        }

        ChainAnalysis.KeyMatch keyMatch = keyMatch(key, keyIndex, leaf, n, infos, findings);
        infos.forEach(info -> info.weaknesses().forEach(w -> findings.add(MaterialProblem.of(MaterialProblem.Kind.WEAK,
                w.startsWith(KeyDescription.NOT_FOR_TLS) ? MaterialProblem.Level.ERROR : MaterialProblem.Level.WARNING,
                "\"" + info.displayName() + "\": " + w))));
        return new ChainAnalysis(infos, leaf, order, path, completeness, missing, keyMatch, keyIndex, trustedBy,
                findings);
    }

    private static ChainAnalysis.KeyMatch keyMatch(Optional<PrivateKey> key, OptionalInt keyIndex, int leaf, int n,
                                                   List<CertificateInfo> infos, List<MaterialProblem> findings) {
        if (key.isEmpty()) {
            return ChainAnalysis.KeyMatch.NO_KEY;
        }
        if (keyIndex.isEmpty()) {
            findings.add(MaterialProblem.error(MaterialProblem.Kind.KEY_MISMATCH, "The private key does not belong"
                    + " to the certificate \"" + infos.get(leaf).displayName() + "\""
                    + (n > 1 ? " nor to any other certificate in the set" : "")));
            return ChainAnalysis.KeyMatch.MATCHES_NONE;
        }
        if (keyIndex.getAsInt() == leaf) {
            return ChainAnalysis.KeyMatch.MATCHES_LEAF;
        }
        findings.add(MaterialProblem.error(MaterialProblem.Kind.KEY_OF_OTHER_CERTIFICATE, "The private key belongs"
                + " to certificate " + (keyIndex.getAsInt() + 1) + " (\"" + infos.get(keyIndex.getAsInt())
                .displayName() + "\"), not to the leaf"));
        return ChainAnalysis.KeyMatch.MATCHES_OTHER_CERTIFICATE;
    }

    /** For each certificate, the index of another certificate in the set that issued it, or -1. */
    private static int[] issuerIndexes(List<X509Certificate> certs, boolean[] selfSigned) {
        int n = certs.size();
        int[] issuer = new int[n];
        for (int idx = 0; idx < n; idx++) {
            final int i = idx;
            issuer[i] = -1;
            if (selfSigned[i]) {
                continue;
            }
            X509Certificate cert = certs.get(i);
            // Prefer the next certificate (the expected position), then any other.
            List<Integer> candidates = new ArrayList<>();
            if (i + 1 < n) {
                candidates.add(i + 1);
            }
            IntStream.range(0, n).filter(j -> j != i && j != i + 1).forEach(candidates::add);
            for (int j : candidates) {
                X509Certificate other = certs.get(j);
                if (other.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
                        && CertificateInspector.signedBy(cert, other)) {
                    issuer[i] = j;
                    break;
                }
            }
        }
        return issuer;
    }

    private static int pickLeaf(int n, boolean[] issuesOther, OptionalInt keyIndex) {
        if (keyIndex.isPresent() && !issuesOther[keyIndex.getAsInt()]) {
            return keyIndex.getAsInt();
        }
        for (int i = 0; i < n; i++) {
            if (!issuesOther[i]) {
                return i;
            }
        }
        return 0;
    }

    /** The leaf, its issuer, its issuer's issuer… until a root, an unknown issuer or a loop. */
    private static List<Integer> chainFrom(int leaf, int[] issuer, boolean[] selfSigned, List<CertificateInfo> infos,
                                           List<MaterialProblem> findings) {
        List<Integer> path = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int current = leaf;
        while (current >= 0) {
            if (!seen.add(current)) {
                int from = path.get(path.size() - 1);
                findings.add(MaterialProblem.warning(MaterialProblem.Kind.CHAIN_LOOP, "The chain loops: \""
                        + infos.get(from).displayName() + "\" (certificate " + (from + 1) + ") is issued by \""
                        + infos.get(current).displayName() + "\" (certificate " + (current + 1) + "), which it"
                        + " issued itself, so the chain never reaches a root"));
                break;
            }
            path.add(current);
            if (selfSigned[current]) {
                break;
            }
            current = issuer[current];
        }
        return path;
    }

    private static ChainAnalysis.Order order(int n, int leaf, List<Integer> path) {
        if (leaf != 0) {
            return ChainAnalysis.Order.LEAF_NOT_FIRST;
        }
        boolean prefix = IntStream.range(0, path.size()).allMatch(i -> path.get(i) == i);
        if (!prefix) {
            return ChainAnalysis.Order.INTERMEDIATES_OUT_OF_ORDER;
        }
        return path.size() == n ? ChainAnalysis.Order.ORDERED : ChainAnalysis.Order.UNRELATED_CERTIFICATES;
    }

    private static void describeOrder(ChainAnalysis.Order order, List<CertificateInfo> infos, int leaf,
                                      List<Integer> path, List<MaterialProblem> findings) {
        String expected = String.join(", ", path.stream().map(i -> String.valueOf(i + 1)).toList());
        switch (order) {
            case LEAF_NOT_FIRST -> findings.add(MaterialProblem.error(MaterialProblem.Kind.LEAF_NOT_FIRST,
                    "The leaf certificate \"" + infos.get(leaf).displayName() + "\" is certificate " + (leaf + 1)
                            + ", not the first; put it first, then each issuer (order: " + expected + ")"));
            case INTERMEDIATES_OUT_OF_ORDER -> findings.add(MaterialProblem.error(
                    MaterialProblem.Kind.INTERMEDIATES_OUT_OF_ORDER, "The intermediates are out of order: each"
                            + " certificate must be followed by the one that issued it (order: " + expected + ")"));
            case UNRELATED_CERTIFICATES -> {
                for (int i = 0; i < infos.size(); i++) {
                    if (!path.contains(i)) {
                        findings.add(MaterialProblem.warning(MaterialProblem.Kind.UNRELATED_CERTIFICATE,
                                "Certificate " + (i + 1) + " (\"" + infos.get(i).displayName()
                                        + "\") is not part of the leaf's chain"));
                    }
                }
            }
            default -> {
                // ordered or empty: nothing to say
            }
        }
    }
}
