package dev.gatehouse.cli;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints diagnostics as readable text or as JSON. */
final class DiagnosticsRenderer {

    private DiagnosticsRenderer() {
    }

    /** {@code shown} is what passes the severity filter; {@code all} gives the totals. */
    static String text(DiagnosticReport shown, DiagnosticReport all) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : shown.diagnostics()) {
            out.append(String.format(Locale.ROOT, "%-8s %s  %s%n", d.severity().label(), d.code(), d.object()));
            out.append("         ").append(d.message()).append('\n');
            out.append("         fix: ").append(d.hint()).append("\n\n");
        }
        if (all.isEmpty()) {
            out.append("No problems found.\n");
        } else {
            out.append(summary(all));
            if (shown.diagnostics().size() < all.diagnostics().size()) {
                out.append(" (").append(shown.diagnostics().size()).append(" shown)");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String summary(DiagnosticReport report) {
        return count(report.count(Severity.ERROR), "error") + ", " + count(report.count(Severity.WARNING), "warning")
                + ", " + count(report.count(Severity.INFO), "info");
    }

    private static String count(long n, String word) {
        return n + " " + (n == 1 || "info".equals(word) ? word : word + "s");
    }

    /**
     * A JSON array, one object per diagnostic: {@code code}, {@code slug}, {@code severity},
     * {@code object} ({@code kind/namespace/name}, or {@code kind/name} for cluster-scoped objects),
     * {@code message}, {@code hint}.
     */
    static String json(DiagnosticReport shown) {
        return JsonText.write(shown.diagnostics().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code().id());
            m.put("slug", d.code().slug());
            m.put("severity", d.severity().label());
            m.put("object", ExplanationRenderer.objectPath(d.object()));
            m.put("message", d.message());
            m.put("hint", d.hint());
            return m;
        }).toList());
    }
}
