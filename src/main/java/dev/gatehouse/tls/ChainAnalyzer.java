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
 * certificate issued by the next, whether the chain is complete, and whether the key matches the leaf.
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
                    ChainAnalysis.Completeness.UNKNOWN, Optional.empty(), km, OptionalInt.empty(), List.of());
        }
        int[] issuer = issuerIndexes(certs);
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
        List<Integer> path = chainFrom(leaf, issuer, certs);
        ChainAnalysis.Order order = order(n, leaf, path);

        List<String> problems = new ArrayList<>();
        describeOrder(order, infos, leaf, path, problems);

        X509Certificate last = certs.get(path.get(path.size() - 1));
        ChainAnalysis.Completeness completeness;
        Optional<String> missing = Optional.empty();
        if (CertificateInspector.selfSigned(last)) {
            completeness = ChainAnalysis.Completeness.COMPLETE_WITH_ROOT;
        } else if (anchors.issuerOf(last).isPresent()) {
            completeness = ChainAnalysis.Completeness.COMPLETE;
        } else {
            completeness = ChainAnalysis.Completeness.INCOMPLETE;
            CertificateInfo lastInfo = infos.get(path.get(path.size() - 1));
            missing = Optional.of(lastInfo.issuer());
            problems.add("The chain is incomplete: \"" + lastInfo.issuerCommonName().orElse(lastInfo.issuer())
                    + "\", which issued \"" + lastInfo.displayName() + "\", is not included");
        }

        ChainAnalysis.KeyMatch keyMatch;
        if (key.isEmpty()) {
            keyMatch = ChainAnalysis.KeyMatch.NO_KEY;
        } else if (keyIndex.isEmpty()) {
            keyMatch = ChainAnalysis.KeyMatch.MATCHES_NONE;
            problems.add("The private key does not belong to the certificate \"" + infos.get(leaf).displayName()
                    + "\"" + (n > 1 ? " nor to any other certificate in the set" : ""));
        } else if (keyIndex.getAsInt() == leaf) {
            keyMatch = ChainAnalysis.KeyMatch.MATCHES_LEAF;
        } else {
            keyMatch = ChainAnalysis.KeyMatch.MATCHES_OTHER_CERTIFICATE;
            problems.add("The private key belongs to certificate " + (keyIndex.getAsInt() + 1) + " (\""
                    + infos.get(keyIndex.getAsInt()).displayName() + "\"), not to the leaf");
        }
        infos.forEach(info -> problems.addAll(info.weaknesses()));
        return new ChainAnalysis(infos, leaf, order, path, completeness, missing, keyMatch, keyIndex, problems);
    }

    /** For each certificate, the index of another certificate in the set that issued it, or -1. */
    private static int[] issuerIndexes(List<X509Certificate> certs) {
        int n = certs.size();
        int[] issuer = new int[n];
        for (int idx = 0; idx < n; idx++) {
            final int i = idx;
            issuer[i] = -1;
            X509Certificate cert = certs.get(i);
            if (CertificateInspector.selfSigned(cert)) {
                continue;
            }
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

    private static List<Integer> chainFrom(int leaf, int[] issuer, List<X509Certificate> certs) {
        List<Integer> path = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int current = leaf;
        while (current >= 0 && seen.add(current)) {
            path.add(current);
            if (CertificateInspector.selfSigned(certs.get(current))) {
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
                                      List<Integer> path, List<String> problems) {
        String expected = String.join(", ", path.stream().map(i -> String.valueOf(i + 1)).toList());
        switch (order) {
            case LEAF_NOT_FIRST -> problems.add("The leaf certificate \"" + infos.get(leaf).displayName()
                    + "\" is certificate " + (leaf + 1) + ", not the first; put it first, then each issuer"
                    + " (order: " + expected + ")");
            case INTERMEDIATES_OUT_OF_ORDER -> problems.add("The intermediates are out of order: each certificate"
                    + " must be followed by the one that issued it (order: " + expected + ")");
            case UNRELATED_CERTIFICATES -> {
                for (int i = 0; i < infos.size(); i++) {
                    if (!path.contains(i)) {
                        problems.add("Certificate " + (i + 1) + " (\"" + infos.get(i).displayName()
                                + "\") is not part of the leaf's chain");
                    }
                }
            }
            default -> {
                // ordered or empty: nothing to say
            }
        }
    }
}
