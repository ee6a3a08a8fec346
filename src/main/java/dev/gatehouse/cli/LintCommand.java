package dev.gatehouse.cli;

import dev.gatehouse.routing.diagnostics.DiagnosticReport;
import dev.gatehouse.routing.diagnostics.Severity;
import java.io.PrintWriter;
import java.util.Optional;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code gatehouse lint}: diagnostics with stable codes, severity, object, message and fix. */
@Command(name = "lint",
        description = "Check Ingresses, their TLS Secrets, Services and annotations; print diagnostics with"
                + " stable codes (see docs/diagnostics.md).",
        synopsisHeading = "Usage: ",
        customSynopsis = {"gatehouse lint (--manifests PATH… | --context NAME) [--json] [--at INSTANT]",
                "               [--min-severity error|warning|info] [OPTIONS]"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings and infos allowed)", "1:errors found",
                "2:bad input (unreadable file, bad YAML)"})
public final class LintCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Mixin
    private ClusterSourceOptions source = new ClusterSourceOptions();

    @Mixin
    private ControllerOptions controller = new ControllerOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            converter = OutputFormat.Converter.class, description = "Output format: text or json")
    private OutputFormat output;

    @Option(names = "--json", description = "Print a JSON array of {code, slug, severity, object, message, hint}"
            + " (object is kind/namespace/name); the same as -o json")
    private boolean json;

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Judge certificate expiry at this time instead of now, e.g. 2027-01-15T00:00:00Z"
                    + " or 2027-01-15")
    private Instant at;

    @Option(names = "--min-severity", paramLabel = "error|warning|info", defaultValue = "info",
            converter = SeverityConverter.class, description = "Show only diagnostics at least this serious"
            + " (the exit code still counts all errors)")
    private Severity minSeverity;

    @Spec
    private CommandSpec spec;

    private final EngineFactory factory;

    public LintCommand() {
        this(EngineFactory.defaults());
    }

    public LintCommand(EngineFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterSource.Ready> opened = ClusterSource.report(factory.sources().create(source).open(), err);
        if (opened.isEmpty()) {
            return 2;
        }
        ClusterSource.Ready ready = opened.get();
        EngineFactory engines = at == null ? factory : factory.at(at);
        DiagnosticReport all = engines.snapshot(ready, controller.profile()).report();
        DiagnosticReport shown = all.atLeast(minSeverity);
        out.print(json || output == OutputFormat.JSON ? DiagnosticsRenderer.json(shown) + "\n"
                : DiagnosticsRenderer.text(shown, all));
        out.flush();
        return all.hasErrors() ? 1 : 0;
    }

    /** Accepts error, warning, info in any case. */
    static final class SeverityConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return Severity.parse(value).orElseThrow(() ->
                    new TypeConversionException("expected error, warning or info, not '" + value + "'"));
        }
    }
}
