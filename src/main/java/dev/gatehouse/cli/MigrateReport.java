package dev.gatehouse.cli;

import dev.gatehouse.migrate.ConversionNote;
import dev.gatehouse.migrate.DiffReport;
import dev.gatehouse.migrate.Difference;
import dev.gatehouse.migrate.MigrationResult;
import java.nio.file.Path;
import java.util.List;

/** The migration report for people: markdown (the report file) or plain text (stdout). */
final class MigrateReport {

    private MigrateReport() {
    }

    static String summary(MigrationResult r, Path dir) {
        return "Converted " + r.plan().converted().size() + " Ingress(es) into " + r.plan().objects().size()
                + " Gateway API objects: " + dir.resolve("gateway-api.yaml") + "\n" + verdict(r) + "\n";
    }

    static String verdict(MigrationResult r) {
        int differ = r.diff().differences().size();
        int unexplained = r.diff().unexplained().size();
        return r.diff().compared() + " requests compared: " + (differ == 0 ? "every one behaves the same"
                : differ + " behave differently (" + (differ - unexplained) + " explained, " + unexplained
                + " unexplained)") + "; " + r.notConverted().size() + " annotation(s) not or only partly converted";
    }

    static String text(MigrationResult r) {
        StringBuilder s = new StringBuilder();
        s.append("Migration of ").append(r.request().selection().describe()).append(" to Gateway ")
                .append(r.plan().gateway().getMetadata().getNamespace()).append('/')
                .append(r.plan().gateway().getMetadata().getName()).append(r.plan().extendsExisting()
                        ? " (existing, listeners added)" : " (new, class " + r.plan().gatewayClass() + ")").append('\n');
        s.append(verdict(r)).append("\n\nAnnotations and pieces:\n");
        for (ConversionNote n : r.plan().notes()) {
            s.append("  ").append(n.source().path()).append("  ").append(n.annotation())
                    .append(n.value().isEmpty() ? "" : "=" + shorten(n.value())).append(": ").append(n.status().label());
            if (!n.where().isEmpty()) {
                s.append(" → ").append(n.where());
            }
            if (!n.why().isEmpty()) {
                s.append("\n      why: ").append(n.why());
            }
            if (!n.instead().isEmpty()) {
                s.append("\n      instead: ").append(n.instead());
            }
            s.append('\n');
        }
        s.append("\nRequests that behave differently:\n");
        if (r.diff().differences().isEmpty()) {
            s.append("  none\n");
        }
        for (Difference d : r.diff().differences()) {
            s.append("  ").append(request(d)).append("\n      ").append(d.summary()).append('\n');
            for (String e : d.explanations()) {
                s.append("      explained: ").append(e).append('\n');
            }
            if (!d.explained()) {
                s.append("      UNEXPLAINED\n");
            }
        }
        s.append("\nCaveats:\n");
        r.diff().caveats().forEach(c -> s.append("  ").append(c).append('\n'));
        return s.toString();
    }

    /** The diff of the real responses of the side by side, in the style of {@link #text}. */
    static String replayText(MigrationResult r, DiffReport real) {
        StringBuilder s = new StringBuilder();
        int differ = real.differences().size();
        int unexplained = real.unexplained().size();
        s.append("Replayed through both local proxies (real responses): ").append(real.compared())
                .append(" requests compared: ").append(differ == 0 ? "every one behaves the same" : differ
                        + " behave differently (" + (differ - unexplained) + " explained, " + unexplained
                        + " unexplained)").append(" in ").append(real.took().toMillis()).append(" ms\n")
                .append("The engine's diff of the same requests: ").append(verdict(r)).append('\n');
        long unseen = r.diff().differences().stream().filter(e -> real.differences().stream()
                .noneMatch(d -> d.probe().equals(e.probe()))).count();
        if (unseen > 0) {
            s.append(unseen).append(" difference(s) the engine predicts do not show in the real responses\n");
        }
        s.append('\n')
                .append("Requests that behave differently (real responses):\n");
        if (real.differences().isEmpty()) {
            s.append("  none\n");
        }
        for (Difference d : real.differences()) {
            s.append("  ").append(request(d)).append("\n      ").append(d.summary()).append('\n')
                    .append("      old: ").append(d.before().answeredBy()).append("\n      new: ")
                    .append(d.after().answeredBy()).append('\n');
            for (String e : d.explanations()) {
                s.append("      explained: ").append(e).append('\n');
            }
            if (!d.explained()) {
                s.append("      UNEXPLAINED\n");
            }
            if (r.diff().differences().stream().noneMatch(e -> e.probe().equals(d.probe()))) {
                s.append("      (the engine's diff does not predict this one)\n");
            }
        }
        s.append("\nCaveats:\n");
        real.caveats().forEach(c -> s.append("  ").append(c).append('\n'));
        return s.toString();
    }

    static String markdown(MigrationResult r) {
        StringBuilder s = new StringBuilder();
        s.append("# Migration report\n\n").append(r.request().selection().describe()).append(" → Gateway `")
                .append(r.plan().gateway().getMetadata().getNamespace()).append('/')
                .append(r.plan().gateway().getMetadata().getName()).append("`")
                .append(r.plan().extendsExisting() ? " (existing, listeners added)"
                        : " (new, GatewayClass `" + r.plan().gatewayClass() + "`)").append("\n\n")
                .append("**").append(verdict(r)).append("**\n\n## Annotations and pieces\n\n")
                .append("| Ingress | annotation | value | result | where | why | instead |\n|---|---|---|---|---|---|---|\n");
        for (ConversionNote n : r.plan().notes()) {
            s.append("| ").append(cell(n.source().path())).append(" | `").append(cell(n.annotation())).append("` | ")
                    .append(cell(shorten(n.value()))).append(" | ").append(n.status().label()).append(" | ")
                    .append(cell(n.where())).append(" | ").append(cell(n.why())).append(" | ").append(cell(n.instead()))
                    .append(" |\n");
        }
        s.append("\n## Requests that behave differently\n\n");
        if (r.diff().differences().isEmpty()) {
            s.append("None: every request of the corpus gets the same answer.\n");
        } else {
            s.append("| request | probes | difference | explanation |\n|---|---|---|---|\n");
            for (Difference d : r.diff().differences()) {
                s.append("| `").append(cell(request(d))).append("` | ").append(d.probe().purpose().label()).append(" | ")
                        .append(cell(d.summary())).append(" | ").append(d.explained() ? cell(String.join("; ",
                                d.explanations())) : "**unexplained**").append(" |\n");
            }
        }
        s.append("\n## Caveats\n\n");
        r.diff().caveats().forEach(c -> s.append("- ").append(c).append('\n'));
        return s.toString();
    }

    static String request(Difference d) {
        var q = d.probe().request();
        String sni = q.https() ? q.sni().map(n -> " (SNI " + n + ")").orElse(" (no SNI)") : "";
        List<String> headers = q.headers().values().entrySet().stream().map(e -> e.getKey() + ": "
                + String.join(",", e.getValue())).toList();
        return q.method() + " " + q.url() + sni + (headers.isEmpty() ? "" : " " + headers);
    }

    private static String shorten(String v) {
        return v.length() > 60 ? v.substring(0, 57) + "…" : v;
    }

    private static String cell(String v) {
        return v.replace("|", "\\|").replace("\n", " ");
    }
}
