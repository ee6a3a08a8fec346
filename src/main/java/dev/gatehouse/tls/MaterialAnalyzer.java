package dev.gatehouse.tls;

import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Analyses read material as a would-be TLS Secret: the chain (via {@link ChainAnalyzer}), the key that
 * belongs to the leaf, validity, the certificate's purpose, its number of names, trust, and — when
 * given — whether it covers the hosts that will use it.
 */
public final class MaterialAnalyzer {

    /** More names than this is unusual; clients and controllers handle such certificates badly. */
    public static final int MANY_NAMES = 1000;

    private final ChainAnalyzer chains;

    public MaterialAnalyzer(Clock clock, TrustAnchors anchors) {
        this.chains = new ChainAnalyzer(clock, anchors);
    }

    /** Several inputs (files, or {@code tls.crt} and {@code tls.key}) analysed as one set. */
    public MaterialAnalysis analyze(List<ParsedMaterial> inputs, List<String> hosts) {
        ParsedMaterial merged = new ParsedMaterial("", List.of(), List.of(), List.of());
        for (ParsedMaterial input : inputs) {
            merged = merged.merge(input);
        }
        if (!merged.certificates().isEmpty()) {
            merged = merged.without(MaterialProblem.Kind.KEY_WITHOUT_CERTIFICATE);
        }
        return analyze(merged, hosts);
    }

    public MaterialAnalysis analyze(ParsedMaterial material) {
        return analyze(material, List.of());
    }

    /** Analyses the material and checks that its leaf covers each of {@code hosts}. */
    public MaterialAnalysis analyze(ParsedMaterial material, List<String> hosts) {
        Optional<KeyEntry> key = keyForChain(material);
        ChainAnalysis chain = chains.analyze(material.chain(), key.map(KeyEntry::privateKey));
        List<MaterialProblem> problems = new ArrayList<>(material.problems());
        problems.addAll(chain.findings());
        if (material.certificates().isEmpty()) {
            if (!material.hasErrors() || !material.keys().isEmpty()) {
                problems.add(MaterialProblem.error(MaterialProblem.Kind.NO_CERTIFICATE, "No certificate was found"
                        + (material.keys().isEmpty() ? "" : ", only a private key")));
            }
            return new MaterialAnalysis(material, chain, key, problems);
        }
        CertificateInfo leaf = chain.leaf().orElseThrow();
        if (material.keys().isEmpty()) {
            problems.add(MaterialProblem.warning(MaterialProblem.Kind.NO_KEY, "No private key was found: a TLS"
                    + " Secret also needs the key that belongs to \"" + leaf.displayName() + "\""));
        } else if (material.keys().size() > 1) {
            problems.add(MaterialProblem.info(MaterialProblem.Kind.SEVERAL_KEYS, material.keys().size() + " private"
                    + " keys were found; " + (chain.keyMatch() == ChainAnalysis.KeyMatch.MATCHES_LEAF
                    ? "the one that belongs to the leaf is used" : "none of them belongs to the leaf")));
        }
        if (leaf.serverAuth() == CertificateInfo.ServerAuth.MISSING) {
            problems.add(MaterialProblem.warning(MaterialProblem.Kind.NOT_FOR_SERVERS, "The certificate \""
                    + leaf.displayName() + "\" is not allowed for TLS servers (its extended key usage lacks"
                    + " serverAuth)"));
        }
        for (CertificateInfo info : chain.certificates()) {
            expiry(info).ifPresent(problems::add);
            int names = info.dnsNames().size() + info.ipAddresses().size();
            if (names > MANY_NAMES) {
                problems.add(MaterialProblem.warning(MaterialProblem.Kind.MANY_NAMES, "The certificate \""
                        + info.displayName() + "\" lists " + names + " subject alternative names; TLS clients and"
                        + " controllers handle such certificates slowly or not at all"));
            }
        }
        trust(chain).ifPresent(problems::add);
        for (String host : hosts) {
            if (!HostnameMatcher.coverage(leaf, host).coversForClients()) {
                List<String> covered = HostnameMatcher.coveredNames(leaf);
                problems.add(MaterialProblem.error(MaterialProblem.Kind.HOST_NOT_COVERED, "The certificate does not"
                        + " cover " + HostnameMatcher.normalize(host) + " (it covers "
                        + (covered.isEmpty() ? "no names" : String.join(", ", covered)) + ")"));
            }
        }
        return new MaterialAnalysis(material, chain, key, problems);
    }

    /** The key that belongs to a certificate of the set, else the first key. */
    private static Optional<KeyEntry> keyForChain(ParsedMaterial material) {
        if (material.keys().size() <= 1) {
            return material.firstKey();
        }
        for (KeyEntry key : material.keys()) {
            PrivateKey privateKey = key.privateKey();
            if (material.chain().stream().anyMatch(c -> KeyMatcher.matches(privateKey, c.getPublicKey()))) {
                return Optional.of(key);
            }
        }
        return material.firstKey();
    }

    private static Optional<MaterialProblem> expiry(CertificateInfo info) {
        String name = "\"" + info.displayName() + "\"";
        long days = info.daysLeft();
        return switch (info.expiry()) {
            case EXPIRED -> Optional.of(MaterialProblem.error(MaterialProblem.Kind.EXPIRED, "The certificate " + name
                    + " expired " + (-days == 0 ? "today" : plural(-days) + " ago") + " (" + info.notAfter() + ")"));
            case EXPIRING_SOON -> Optional.of(MaterialProblem.error(MaterialProblem.Kind.EXPIRES_SOON,
                    "The certificate " + name + " expires in " + plural(days) + " (" + info.notAfter() + ")"));
            case EXPIRING -> Optional.of(MaterialProblem.warning(MaterialProblem.Kind.EXPIRING, "The certificate "
                    + name + " expires in " + plural(days) + " (" + info.notAfter() + ")"));
            case NOT_YET_VALID -> Optional.of(MaterialProblem.error(MaterialProblem.Kind.NOT_YET_VALID,
                    "The certificate " + name + " is not valid before " + info.notBefore()));
            default -> Optional.empty();
        };
    }

    private static Optional<MaterialProblem> trust(ChainAnalysis chain) {
        if (chain.completeness() != ChainAnalysis.Completeness.COMPLETE_WITH_ROOT) {
            return Optional.empty();
        }
        List<Integer> path = chain.suggestedOrder();
        CertificateInfo top = chain.certificates().get(path.get(path.size() - 1));
        if (path.size() == 1) {
            return chain.trusted() ? Optional.empty() : Optional.of(MaterialProblem.info(
                    MaterialProblem.Kind.ROOT_NOT_TRUSTED, "The certificate \"" + top.displayName() + "\" is"
                            + " self-signed: clients accept it only if they are told to trust it"));
        }
        return Optional.of(MaterialProblem.info(MaterialProblem.Kind.ROOT_INCLUDED, "The set includes the root \""
                + top.displayName() + "\"" + (chain.trusted() ? "" : ", which is not trusted here")
                + "; servers need not send a root, so tls.crt leaves it out"));
    }

    static String plural(long days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
