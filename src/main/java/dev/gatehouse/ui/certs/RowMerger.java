package dev.gatehouse.ui.certs;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticCode;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.input.ObjectRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javafx.collections.ObservableList;

/**
 * Builds the table's rows from the parsed Secrets, the Ingresses' TLS entries and the diagnostics, and
 * applies them to the shown list in place (unchanged rows keep their identity, so the selection and the
 * scroll position survive).
 */
final class RowMerger {

    /** Ingress diagnostics that are about the certificate a TLS entry gets. */
    private static final Set<DiagnosticCode> CERTIFICATE_CODES = Set.of(DiagnosticCode.GH101, DiagnosticCode.GH201,
            DiagnosticCode.GH207);

    static List<CertificateRow> rows(Collection<SecretCertificate> secrets, Map<String, List<IngressUse>> uses,
                                     DiagnosticReport report, boolean secretsKnown) {
        return rows(secrets, uses, Map.of(), report, secretsKnown);
    }

    /** Every TLS Secret and every Secret an Ingress or a Gateway listener names (missing ones when Secrets are known). */
    static List<CertificateRow> rows(Collection<SecretCertificate> secrets, Map<String, List<IngressUse>> uses,
                                     Map<String, List<GatewayUse>> listeners, DiagnosticReport report,
                                     boolean secretsKnown) {
        Map<String, Optional<SecretCertificate>> shown = new TreeMap<>();
        for (SecretCertificate s : secrets) {
            if (s.summary().isTls() || uses.containsKey(s.key()) || listeners.containsKey(s.key())) {
                shown.put(s.key(), Optional.of(s));
            }
        }
        if (secretsKnown) {
            uses.keySet().forEach(k -> shown.putIfAbsent(k, Optional.empty()));
            listeners.keySet().forEach(k -> shown.putIfAbsent(k, Optional.empty()));
        }
        List<CertificateRow> rows = new ArrayList<>(shown.size());
        shown.forEach((key, secret) -> {
            String[] parts = key.split("/", 2);
            List<IngressUse> users = uses.getOrDefault(key, List.of());
            List<GatewayUse> gatewayUsers = listeners.getOrDefault(key, List.of());
            List<Diagnostic> found = new ArrayList<>(diagnostics(report, parts[0], parts[1], users));
            listenerDiagnostics(report, key, gatewayUsers).stream().filter(d -> !found.contains(d)).forEach(found::add);
            rows.add(new CertificateRow(parts[0], parts[1], secret, users, gatewayUsers, found));
        });
        return rows;
    }

    /** Listener certificate problems (GH704–GH709) of the listeners using the Secret that name it. */
    static List<Diagnostic> listenerDiagnostics(DiagnosticReport report, String secretPath, List<GatewayUse> users) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : report.diagnostics()) {
            if (LISTENER_CERTIFICATE_CODES.contains(d.code()) && d.message().contains(secretPath)
                    && users.stream().anyMatch(u -> u.listener().owner().equals(d.object())
                    && d.message().startsWith("Listener " + u.listener().name()))) {
                out.add(d);
            }
        }
        return out;
    }

    /** About the Secret itself, plus its Ingresses' certificate problems that name it or one of its hosts. */
    /** Gateway listener diagnostics that are about the certificate a listener names. */
    private static final Set<DiagnosticCode> LISTENER_CERTIFICATE_CODES = Set.of(DiagnosticCode.GH704,
            DiagnosticCode.GH705, DiagnosticCode.GH706, DiagnosticCode.GH707, DiagnosticCode.GH708, DiagnosticCode.GH709);

    static List<Diagnostic> diagnostics(DiagnosticReport report, String namespace, String name, List<IngressUse> users) {
        ObjectRef secret = ObjectRef.secret(namespace, name);
        String path = namespace + "/" + name;
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : report.diagnostics()) {
            if (d.object().equals(secret)) {
                out.add(d);
                continue;
            }
            if (!CERTIFICATE_CODES.contains(d.code())) {
                continue;
            }
            for (IngressUse use : users) {
                if (use.ingress().equals(d.object()) && (d.message().contains(path) || d.hint().contains(path)
                        || use.hosts().stream().anyMatch(h -> mentions(d.message(), h)))) {
                    out.add(d);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean mentions(String message, String host) {
        return Pattern.compile("(?<![A-Za-z0-9.*-])" + Pattern.quote(host) + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])")
                .matcher(message).find();
    }

    /** Applies {@code rows} to {@code shown}: in place when only rows changed, else in one setAll. */
    void merge(ObservableList<CertificateRow> shown, List<CertificateRow> rows) {
        boolean sameKeys = shown.size() == rows.size();
        for (int i = 0; sameKeys && i < rows.size(); i++) {
            sameKeys = shown.get(i).key().equals(rows.get(i).key());
        }
        if (!sameKeys) {
            shown.setAll(rows);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!shown.get(i).equals(rows.get(i))) {
                shown.set(i, rows.get(i));
            }
        }
    }
}
