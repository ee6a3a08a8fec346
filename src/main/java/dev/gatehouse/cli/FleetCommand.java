package dev.gatehouse.cli;

import dev.gatehouse.app.AppClock;
import dev.gatehouse.cluster.KubeContext;
import dev.gatehouse.cluster.KubeconfigException;
import dev.gatehouse.cluster.KubeconfigSource;
import dev.gatehouse.cluster.SessionSettings;
import dev.gatehouse.fleet.ContextScan;
import dev.gatehouse.fleet.FleetCertificate;
import dev.gatehouse.fleet.FleetExport;
import dev.gatehouse.fleet.FleetReport;
import dev.gatehouse.fleet.FleetScanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse fleet}: every TLS certificate of every context, the soonest to expire first. */
@Command(name = "fleet",
        description = {"Every TLS certificate of every context of the kubeconfig (all files of KUBECONFIG), read in"
                + " parallel, the soonest to expire first. A context that cannot be read (unreachable, expired"
                + " credentials, no permission) is named and never stops the others.",
            "For cron and CI: exit 1 when a certificate expires within --days or a context could not be read."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing expires within --days and every context was read",
            "1:a certificate expires within --days (or has expired), or a context could not be read",
            "2:bad input (no kubeconfig, an unknown context, a bad option)"})
public final class FleetCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig (default: KUBECONFIG or ~/.kube/config)")
    private Path kubeconfig;

    @Option(names = "--contexts", paramLabel = "A,B", split = ",", description = "Only these contexts (default: all)")
    private List<String> contexts = new ArrayList<>();

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "Report certificates expiring within N days (default 30)")
    private int days;

    @Option(names = "--json", description = "Print the whole fleet as JSON")
    private boolean json;

    @Option(names = "--format", paramLabel = "table|json|csv|openmetrics", defaultValue = "table",
            description = "Output format (default table; openmetrics as the x509 exporters write it)")
    private String format;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8", description = "Contexts read at once (default 8)")
    private int parallel;

    @Option(names = "--cluster-timeout", paramLabel = "DURATION",
            description = "Per context: how long connecting and each first answer may take (default 10s)")
    private String clusterTimeout;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String fmt = json ? "json" : format.toLowerCase(java.util.Locale.ROOT);
        if (!List.of("table", "json", "csv", "openmetrics").contains(fmt)) {
            err.println("error: --format must be table, json, csv or openmetrics, not '" + format + "'");
            return 2;
        }
        if (days < 0 || parallel < 1) {
            err.println("error: " + (days < 0 ? "--days must be 0 or more" : "--parallel must be at least 1"));
            return 2;
        }
        KubeconfigSource source;
        SessionSettings settings;
        try {
            source = kubeconfig != null ? KubeconfigSource.fromFile(kubeconfig) : KubeconfigSource.fromEnvironment();
            settings = clusterTimeout == null ? SessionSettings.defaults() : SessionSettings.defaults()
                    .withTimeout(SessionSettings.parseTimeout(clusterTimeout, "--cluster-timeout"));
        } catch (KubeconfigException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<String> names = contexts.isEmpty() ? source.contexts().stream().map(KubeContext::name).toList() : contexts;
        List<String> unknown = names.stream().filter(n -> source.context(n).isEmpty()).toList();
        if (names.isEmpty() || !unknown.isEmpty()) {
            err.println("error: " + (names.isEmpty() ? "the kubeconfig has no contexts" : "the kubeconfig has no context "
                    + String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList())));
            return 2;
        }
        FleetReport report = new FleetScanner(source, settings, AppClock.system(), parallel).scan(names, s -> { });
        switch (fmt) {
            case "json" -> out.print(FleetExport.json(report) + "\n");
            case "csv" -> out.print(FleetExport.csv(report));
            case "openmetrics" -> out.print(FleetExport.openMetrics(report));
            default -> table(report, out);
        }
        out.flush();
        return report.expiringWithin(days).isEmpty() && report.failures().isEmpty() ? 0 : 1;
    }

    private void table(FleetReport report, PrintWriter out) {
        for (ContextScan s : report.scans()) {
            if (s instanceof ContextScan.Read r) {
                out.println("context " + r.context() + ": " + r.certificates().size() + " TLS certificates ("
                        + r.server() + ")" + (r.notes().isEmpty() ? "" : "; " + String.join("; ", r.notes())));
            } else if (s instanceof ContextScan.Failed f) {
                out.println("context " + f.context() + ": not read: " + f.message());
            }
        }
        List<FleetCertificate> soon = report.expiringWithin(days);
        out.println();
        out.println(soon.isEmpty() ? "Nothing expires within " + days + " days."
                : soon.size() + " expire within " + days + " days:");
        for (FleetCertificate c : soon) {
            out.println("  " + (c.daysLeft() < 0 ? "EXPIRED " + -c.daysLeft() + " days ago" : "expires in " + c.daysLeft()
                    + " days") + "  " + c.key() + "  " + String.join(", ", c.hosts())
                    + c.certManager().map(m -> "  (cert-manager " + m + ")").orElse(""));
        }
        List<FleetCertificate> unreadable = report.certificates().stream().filter(c -> c.problem().isPresent()).toList();
        unreadable.forEach(c -> out.println("  unreadable  " + c.key() + ": " + c.problem().get()));
    }
}
