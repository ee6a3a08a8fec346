package dev.gatehouse.fleet;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fleet report as CSV (one row per certificate), JSON (contexts and certificates) and OpenMetrics in the
 * conventions of the x509 exporters people already scrape ({@code x509_cert_not_after}, {@code x509_cert_expired},
 * with {@code context}, {@code secret_namespace}, {@code secret_name} labels; {@code x509_source_up} per context).
 */
public final class FleetExport {

    static final List<String> COLUMNS = List.of("context", "namespace", "secret", "subject", "hosts", "issuer",
            "not_after", "days_left", "expiry", "used_by", "cert_manager", "problem");

    private FleetExport() {
    }

    public static String csv(FleetReport report) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (FleetCertificate c : report.certificates()) {
            List<String> cells = List.of(c.context(), c.namespace(), c.secret(), c.subject(), String.join(" ", c.hosts()),
                    c.issuer(), c.notAfter().map(Object::toString).orElse(""),
                    c.notAfter().isPresent() ? Long.toString(c.daysLeft()) : "",
                    c.expiry().map(e -> e.name().toLowerCase(Locale.ROOT)).orElse(""), String.join(" ", c.usedBy()),
                    c.certManager().orElse(""), c.problem().orElse(""));
            out.append(String.join(",", cells.stream().map(FleetExport::csvCell).toList())).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
    static String csvCell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public static String json(FleetReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scannedAt", report.scannedAt().toString());
        List<Object> contexts = new ArrayList<>();
        for (ContextScan s : report.scans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("context", s.context());
            if (s instanceof ContextScan.Read r) {
                m.put("up", true);
                m.put("server", r.server());
                m.put("certificates", r.certificates().size());
                m.put("notes", r.notes());
            } else if (s instanceof ContextScan.Failed f) {
                m.put("up", false);
                m.put("reason", f.reason().name());
                m.put("error", f.message());
            }
            contexts.add(m);
        }
        root.put("contexts", contexts);
        List<Object> certificates = new ArrayList<>();
        for (FleetCertificate c : report.certificates()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("context", c.context());
            m.put("namespace", c.namespace());
            m.put("secret", c.secret());
            m.put("subject", c.subject());
            m.put("hosts", c.hosts());
            m.put("issuer", c.issuer());
            m.put("notAfter", c.notAfter().map(Object::toString).orElse(null));
            m.put("daysLeft", c.notAfter().isPresent() ? c.daysLeft() : null);
            m.put("expiry", c.expiry().map(Enum::name).orElse(null));
            m.put("usedBy", c.usedBy());
            m.put("certManager", c.certManager().orElse(null));
            m.put("problem", c.problem().orElse(null));
            certificates.add(m);
        }
        root.put("certificates", certificates);
        return Serialization.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** OpenMetrics text exposition, ending in {@code # EOF}. */
    public static String openMetrics(FleetReport report) {
        StringBuilder out = new StringBuilder();
        List<FleetCertificate> all = report.certificates().stream().filter(c -> c.notAfter().isPresent()).toList();
        family(out, "x509_cert_not_after", "The date after which the certificate expires, in seconds since the epoch.");
        all.forEach(c -> sample(out, "x509_cert_not_after", labels(c), c.notAfter().get().getEpochSecond()));
        family(out, "x509_cert_expired", "1 when the certificate has expired at scan time, else 0.");
        all.forEach(c -> sample(out, "x509_cert_expired", labels(c),
                c.notAfter().get().isBefore(report.scannedAt()) ? 1 : 0));
        family(out, "x509_read_errors", "1 for a TLS Secret whose tls.crt could not be read.");
        report.certificates().stream().filter(c -> c.problem().isPresent())
                .forEach(c -> sample(out, "x509_read_errors", labels(c), 1));
        family(out, "x509_source_up", "1 when the context's Secrets could be listed, else 0.");
        for (ContextScan s : report.scans()) {
            sample(out, "x509_source_up", "context=\"" + escape(s.context()) + "\"", s instanceof ContextScan.Read ? 1 : 0);
        }
        family(out, "x509_source_errors", "1 per context that could not be read, with the reason.");
        for (ContextScan.Failed f : report.failures()) {
            sample(out, "x509_source_errors", "context=\"" + escape(f.context()) + "\",reason=\""
                    + f.reason().name().toLowerCase(Locale.ROOT) + "\"", 1);
        }
        return out.append("# EOF\n").toString();
    }

    private static void family(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
    }

    private static void sample(StringBuilder out, String name, String labels, long value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static String labels(FleetCertificate c) {
        return "context=\"" + escape(c.context()) + "\",secret_namespace=\"" + escape(c.namespace())
                + "\",secret_name=\"" + escape(c.secret()) + "\",subject_CN=\"" + escape(c.subject())
                + "\",issuer_CN=\"" + escape(c.issuer()) + "\"";
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
