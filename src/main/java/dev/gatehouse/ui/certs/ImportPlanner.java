package dev.gatehouse.ui.certs;

import dev.gatehouse.tls.CertificateInfo;
import dev.gatehouse.tls.HostnameMatcher;
import dev.gatehouse.tls.KeyEntry;
import dev.gatehouse.tls.KeyMatcher;
import dev.gatehouse.tls.MaterialAnalysis;
import dev.gatehouse.tls.MaterialAnalyzer;
import dev.gatehouse.tls.MaterialProblem;
import dev.gatehouse.tls.MaterialReaders;
import dev.gatehouse.tls.ParsedMaterial;
import dev.gatehouse.tls.build.Pem;
import dev.gatehouse.tls.ca.PendingKeys;
import dev.gatehouse.ui.common.Status;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Sorts out what was dropped: which certificate is the leaf, which are its chain, which key belongs to it
 * (from the files, a pending key of an earlier certificate request, or the Secret's current key), whether
 * the hosts that use the Secret are covered, and what {@code tls.crt} / {@code tls.key} become. Runs off
 * the FX thread; no JavaFX.
 */
final class ImportPlanner {

    /**
     * What importing would write, or why it cannot.
     *
     * @param analysis      the set analysed (with the key actually used)
     * @param found         what was found, one line each
     * @param hosts         each host of the Ingresses using the Secret: covered or not
     * @param tlsCrt        the new {@code tls.crt}, when there is a leaf
     * @param tlsKey        the new {@code tls.key}; empty keeps the Secret's current key (it matches)
     * @param blocked       why nothing can be written, if so
     * @param pendingUsed   the pending key that completes an earlier certificate request, if used
     * @param orderFixable  the chain is not in the order a server must send it, and fixing it would change tls.crt
     */
    record Plan(MaterialAnalysis analysis, List<Finding> found, List<Finding> hosts, Optional<String> tlsCrt,
                Optional<String> tlsKey, Optional<String> blocked, Optional<PendingKeys.Pending> pendingUsed,
                boolean orderFixable) {
    }

    private ImportPlanner() {
    }

    static Plan plan(List<ParsedMaterial> files, List<String> hosts, boolean fixOrder, MaterialAnalyzer analyzer,
                     PendingKeys pending, Optional<Secret> live) throws IOException {
        List<ParsedMaterial> inputs = new ArrayList<>(files);
        MaterialAnalysis first = analyzer.analyze(inputs, hosts);
        Optional<PendingKeys.Pending> pendingUsed = Optional.empty();
        boolean keepLiveKey = false;
        List<Finding> found = new ArrayList<>();
        Optional<X509Certificate> leaf = first.leafCertificate();
        if (first.material().keys().isEmpty() && leaf.isPresent()) {
            pendingUsed = pending.findFor(leaf.get());
            if (pendingUsed.isPresent()) {
                PrivateKey key = pending.key(pendingUsed.get());
                inputs.add(new ParsedMaterial("pending key", List.of(), List.of(new KeyEntry(1, "pending key", key,
                        Optional.empty())), List.of()));
                found.add(new Finding(Status.OK, "The private key is the one Gatehouse kept for the certificate request"
                        + " of " + pendingUsed.get().created().toString().substring(0, 10) + " ("
                        + pendingUsed.get().subject() + ")"));
            } else if (liveKeyMatches(live, leaf.get())) {
                keepLiveKey = true;
                found.add(new Finding(Status.OK, "No key was dropped: the key already in the Secret belongs to the"
                        + " certificate and is kept"));
            }
        }
        MaterialAnalysis analysis = pendingUsed.isPresent() ? analyzer.analyze(inputs, hosts) : first;
        found.addAll(0, found(files, analysis));
        List<MaterialProblem> blockers = new ArrayList<>(analysis.blockers());
        if (keepLiveKey) {
            blockers.removeIf(p -> p.kind() == MaterialProblem.Kind.NO_KEY);
        }
        Optional<String> blocked = blockers.stream().findFirst().map(MaterialProblem::message);
        Optional<String> crt = analysis.leaf().isEmpty() ? Optional.empty()
                : Optional.of(Pem.certificates(fixOrder ? analysis.tlsChain() : analysis.certificates()));
        Optional<String> key = keepLiveKey || analysis.key().isEmpty() ? Optional.empty()
                : Optional.of(Pem.privateKey(analysis.key().get().privateKey()));
        boolean fixable = analysis.leaf().isPresent() && !analysis.tlsChain().equals(analysis.certificates());
        return new Plan(analysis, found, hostChecks(analysis, hosts), crt, key, blocked, pendingUsed, fixable);
    }

    private static boolean liveKeyMatches(Optional<Secret> live, X509Certificate leaf) {
        String encoded = live.map(Secret::getData).map(d -> d.get("tls.key")).orElse(null);
        if (encoded == null) {
            return false;
        }
        try {
            ParsedMaterial key = MaterialReaders.read(Base64.getMimeDecoder().decode(encoded), "tls.key");
            return key.keys().stream().anyMatch(k -> KeyMatcher.matches(k.privateKey(), leaf.getPublicKey()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One line per certificate and key, naming the file it came from and its role. */
    private static List<Finding> found(List<ParsedMaterial> files, MaterialAnalysis a) {
        List<Finding> out = new ArrayList<>();
        List<X509Certificate> all = a.certificates();
        List<Integer> path = a.chain().suggestedOrder();
        int index = 0;
        for (ParsedMaterial file : files) {
            for (var entry : file.certificates()) {
                CertificateInfo info = a.chain().certificates().get(index);
                String role = index == a.chain().leafIndex() ? "server certificate (leaf)"
                        : !path.contains(index) ? "certificate outside the chain"
                        : info.selfSigned() ? "root CA" : "intermediate CA";
                out.add(new Finding(path.contains(index) ? Status.OK : Status.WARNING,
                        file.source() + ": " + role + " \"" + info.displayName() + "\""));
                index++;
            }
            for (KeyEntry key : file.keys()) {
                boolean belongs = a.key().map(k -> k == key).orElse(false)
                        && a.leafCertificate().map(l -> KeyMatcher.matches(key.privateKey(), l.getPublicKey())).orElse(false);
                out.add(new Finding(belongs ? Status.OK : Status.WARNING, file.source() + ": private key ("
                        + key.format() + ")" + (belongs ? ", belongs to the server certificate" : "")));
            }
        }
        if (all.isEmpty() && a.material().keys().isEmpty()) {
            out.add(new Finding(Status.ERROR, "Nothing usable was found"));
        }
        return out;
    }

    private static List<Finding> hostChecks(MaterialAnalysis a, List<String> hosts) {
        Optional<CertificateInfo> leaf = a.leaf();
        if (leaf.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (String host : hosts) {
            boolean ok = HostnameMatcher.coverage(leaf.get(), host).coversForClients();
            out.add(new Finding(ok ? Status.OK : Status.ERROR, host + (ok ? " is covered" : " is not covered")));
        }
        return out;
    }
}
