package dev.gatehouse.cluster.write;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a certificate and key into a TLS Secret through the shared {@link SafeWriter}: reads the live
 * Secret, refuses Secrets that cert-manager owns (renew their Certificate instead, see
 * {@link CertManagerRenewal}), shows the diff and the server's dry-run verdict, then writes conditioned
 * on the resourceVersion read, with a backup first.
 */
public final class TlsSecretWriter {

    /**
     * A prepared change: what it is, what changes, what the API server said to a dry run, and why it must
     * not be written (if so).
     *
     * @param change  the change
     * @param diff    live vs desired, Secret values fingerprinted
     * @param dryRun  {@link WriteResult.Validated} when the server accepts it, else why not
     * @param refusal why Gatehouse will not write it (cert-manager owns the Secret), if so
     */
    public record Prepared(TlsSecretChange change, List<YamlDiff.Line> diff, WriteResult dryRun,
                           Optional<String> refusal) {
        /** True when writing may go ahead (no refusal, dry run accepted). */
        public boolean writable() {
            return refusal.isEmpty() && dryRun instanceof WriteResult.Validated;
        }
    }

    private final SafeWriter writer;

    public TlsSecretWriter(SafeWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    public SafeWriter safeWriter() {
        return writer;
    }

    /** The Secret as the cluster has it now (values included), if it exists. */
    public Optional<Secret> live(String namespace, String name) {
        Secret probe = new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata().build();
        return writer.live(probe).map(Secret.class::cast);
    }

    /**
     * Prepares writing {@code tlsCrt} (and {@code tlsKey}, or the live key when empty) into Secret
     * {@code namespace/name}. Reads the cluster; never writes.
     *
     * @throws KubernetesClientException when the live Secret cannot be read
     */
    public Prepared prepare(String namespace, String name, String tlsCrt, Optional<String> tlsKey) {
        TlsSecretChange change = TlsSecretChange.of(namespace, name, live(namespace, name), tlsCrt, tlsKey);
        Optional<String> refusal = change.managedBy().map(certificate -> "Secret " + change.path() + " is managed by"
                + " cert-manager (Certificate " + namespace + "/" + certificate + "): cert-manager would overwrite a"
                + " replaced certificate at its next renewal. Renew the Certificate instead, as cmctl renew does.");
        List<YamlDiff.Line> diff = namedValues(writer.diff(change.desired()));
        WriteResult dryRun = refusal.isPresent() ? new WriteResult.Rejected(0, refusal.get())
                : writer.dryRun(change.desired(), change.baseResourceVersion());
        return new Prepared(change, diff, dryRun, refusal);
    }

    /**
     * The diff with each Secret value named only as added, changed, unchanged or removed: the fingerprints
     * {@link ObjectYaml} puts in place of values become one line per key, so no trace of a key is shown.
     */
    public static List<YamlDiff.Line> namedValues(List<YamlDiff.Line> diff) {
        java.util.Map<String, char[]> seen = new java.util.LinkedHashMap<>(); // key -> {removed, added, same}
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        List<YamlDiff.Line> out = new java.util.ArrayList<>();
        for (YamlDiff.Line line : diff) {
            java.util.regex.Matcher m = VALUE.matcher(line.text());
            if (!m.matches()) {
                out.add(line);
                continue;
            }
            String key = m.group(1) + m.group(2);
            char[] state = seen.computeIfAbsent(key, k -> new char[] {' ', ' ', ' '});
            state[line.op() == '-' ? 0 : line.op() == '+' ? 1 : 2] = 'x';
            if (!first.containsKey(key)) {
                first.put(key, out.size());
                out.add(line);
            }
        }
        for (var e : seen.entrySet()) {
            char[] st = e.getValue();
            String key = e.getKey();
            YamlDiff.Line named = st[2] == 'x' ? new YamlDiff.Line(' ', key + ": unchanged (value not shown)")
                    : st[0] == 'x' && st[1] == 'x' ? new YamlDiff.Line('+', key + ": changed (value not shown)")
                    : st[1] == 'x' ? new YamlDiff.Line('+', key + ": added (value not shown)")
                    : new YamlDiff.Line('-', key + ": removed");
            out.set(first.get(key), named);
        }
        return List.copyOf(out);
    }

    private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile(
            "(\\s*)([^:\\s]+): \"?<\\d+ bytes(, sha256 [0-9a-f]+…)?>\"?");

    /**
     * Writes a prepared change (backup first, conditioned on the resourceVersion it was prepared from). A
     * refused change is not written.
     */
    public WriteResult apply(Prepared prepared, String reason) {
        if (prepared.refusal().isPresent()) {
            return new WriteResult.Rejected(0, prepared.refusal().get());
        }
        HasMetadata desired = prepared.change().desired();
        return writer.apply(desired, prepared.change().baseResourceVersion(), reason);
    }
}
