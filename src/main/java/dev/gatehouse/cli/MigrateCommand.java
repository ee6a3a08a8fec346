package dev.gatehouse.cli;

import dev.gatehouse.migrate.GatewayTarget;
import dev.gatehouse.migrate.MigrationRequest;
import dev.gatehouse.migrate.MigrationResult;
import dev.gatehouse.migrate.Migrator;
import dev.gatehouse.migrate.NginxProvider;
import dev.gatehouse.migrate.Selection;
import dev.gatehouse.migrate.SideBySide;
import dev.gatehouse.routing.input.ObjectRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse migrate}: Ingresses (as ingress-nginx serves them) → Gateway API YAML, a note for every
 * annotation, and the behavioural diff of both worlds. The conversion itself is {@link Migrator}; this class
 * only reads options, writes files and prints; {@code --serve} and {@code --replay-only} hand the same
 * {@link MigrationResult} to {@link MigrateServe}.
 */
@Command(name = "migrate",
        description = "Convert Ingresses to Gateway API (Gateway listeners, HTTPRoutes, TLSRoutes, BackendTLSPolicies,"
                + " ReferenceGrants) and compare, request by request, how ingress-nginx and the Gateway answer.",
        synopsisHeading = "Usage: ",
        customSynopsis = {"gatehouse migrate (--manifests PATH… | --context NAME) [--namespace NS]"
                + " [--ingress-class CLASS]",
                "                 [--ingress NS/NAME]… [--gateway [NS/]NAME] [--gateway-class NAME] [-o DIR]",
                "                 [--format markdown|text] [--check] [--json] [--serve | --replay-only]",
                "                 [--old-https-port N] [--old-http-port N] [--new-https-port N] [--new-http-port N]"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:converted (with --check: every request behaves the same; with --replay-only: every"
                + " difference of the real responses is explained; --serve: stopped by Ctrl-C or end of input)",
                "1:with --check: at least one request behaves differently; with --replay-only: one differs"
                        + " unexplained; the side by side could not start",
                "2:bad input (unreadable file, bad YAML, nothing to convert, a directory that cannot be written)"})
public final class MigrateCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Mixin
    private ClusterSourceOptions source = new ClusterSourceOptions();

    @Mixin
    private ControllerOptions controller = new ControllerOptions();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Only Ingresses of this namespace")
    private String namespace;

    @Option(names = "--ingress-class", paramLabel = "CLASS", description = "Only Ingresses of this class")
    private String ingressClass;

    @Option(names = "--ingress", paramLabel = "NS/NAME", description = "Only this Ingress (repeatable: a selection)")
    private List<String> ingresses = new ArrayList<>();

    @Option(names = "--gateway", paramLabel = "[NS/]NAME", description = "Add the listeners to this existing Gateway"
            + " (or name the new one; default " + GatewayTarget.DEFAULT_NAME + ")")
    private String gateway;

    @Option(names = "--gateway-class", paramLabel = "NAME", description = "GatewayClass of a new Gateway (default:"
            + " the input's only GatewayClass, else " + GatewayTarget.DEFAULT_CLASS + ")")
    private String gatewayClass;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", description = "Write gateway-api.yaml and the report"
            + " (report.md or report.txt) into DIR (created when missing)")
    private Path outputDir;

    @Option(names = "--format", paramLabel = "markdown|text", defaultValue = "markdown",
            description = "Report format in DIR (default markdown); stdout gets text")
    private String format;

    @Option(names = "--check", description = "Exit 1 when any request behaves differently (for CI)")
    private boolean check;

    @Option(names = "--json", description = "Print the result as one JSON object (YAML, notes, differences)")
    private boolean json;

    @Option(names = "--serve", description = "Start two local proxies (the Ingresses; the generated Gateway API"
            + " objects) with stand-in echo backends, replay the requests through both, print the diff of the real"
            + " responses and keep serving until Ctrl-C or the end of standard input")
    private boolean serve;

    @Option(names = "--replay-only", description = "As --serve, but exit after the replay (1 when a request differs"
            + " unexplained)")
    private boolean replayOnly;

    @Option(names = "--old-https-port", paramLabel = "N", description = "HTTPS port of the Ingress proxy (default 0:"
            + " any free port)")
    private int oldHttpsPort;

    @Option(names = "--old-http-port", paramLabel = "N", description = "HTTP port of the Ingress proxy (default 0)")
    private int oldHttpPort;

    @Option(names = "--new-https-port", paramLabel = "N", description = "HTTPS port of the Gateway proxy, serving"
            + " listener port 443 (default 0)")
    private int newHttpsPort;

    @Option(names = "--new-http-port", paramLabel = "N", description = "HTTP port of the Gateway proxy, serving"
            + " listener port 80 (default 0)")
    private int newHttpPort;

    @Spec
    private CommandSpec spec;

    private final EngineFactory factory;
    private final StopSignal stop;

    public MigrateCommand() {
        this(EngineFactory.defaults());
    }

    public MigrateCommand(EngineFactory factory) {
        this(factory, MigrateServe.signalsOrEndOfInput(new TerminationSignals(), System.in));
    }

    MigrateCommand(EngineFactory factory, StopSignal stop) {
        this.factory = factory;
        this.stop = stop;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("markdown") && !format.equals("text")) {
            err.println("migrate: --format must be markdown or text, not '" + format + "'");
            return 2;
        }
        Optional<String> replayProblem = replayProblem();
        if (replayProblem.isPresent()) {
            err.println("migrate: " + replayProblem.get());
            return 2;
        }
        Optional<Selection> selection = selection(err);
        if (selection.isEmpty()) {
            return 2;
        }
        Optional<ClusterSource.Ready> opened = ClusterSource.report(factory.sources().create(source).open(), err);
        if (opened.isEmpty()) {
            return 2;
        }
        ClusterSource.Ready ready = opened.get();
        GatewayTarget target = gateway == null ? GatewayTarget.newGateway() : GatewayTarget.named(gateway);
        if (gatewayClass != null) {
            target = target.withClass(gatewayClass);
        }
        MigrationResult result;
        var anchors = factory.trust().get().anchors(ready.anchors());
        try {
            result = new Migrator(controller.profile(), factory.clock(), anchors).migrate(ready.view(), new MigrationRequest(selection.get(), target));
        } catch (NginxProvider.NothingToConvert e) {
            err.println("migrate: " + e.getMessage());
            return 2;
        }
        if (outputDir != null) {
            try {
                Files.createDirectories(outputDir);
                Files.writeString(outputDir.resolve("gateway-api.yaml"), result.yaml());
                Files.writeString(outputDir.resolve(format.equals("text") ? "report.txt" : "report.md"),
                        format.equals("text") ? MigrateReport.text(result) : MigrateReport.markdown(result));
            } catch (IOException e) {
                err.println("migrate: cannot write " + outputDir + ": " + e.getMessage());
                return 2;
            }
        }
        if (serve || replayOnly) {
            return new MigrateServe(out, err, stop).run(ready.view(), result, controller.profile(), factory.clock(),
                    anchors, SideBySide.Options.ephemeral().withPorts(oldHttpsPort, oldHttpPort, newHttpsPort,
                            newHttpPort), serve, json);
        }
        if (json) {
            out.println(MigrateJson.write(result));
        } else {
            out.print(outputDir == null ? MigrateReport.text(result) : MigrateReport.summary(result, outputDir));
        }
        out.flush();
        return check && !result.diff().identical() ? 1 : 0;
    }

    private Optional<String> replayProblem() {
        if (serve && replayOnly) {
            return Optional.of("--serve and --replay-only exclude each other (--replay-only replays and exits)");
        }
        int[] ports = {oldHttpsPort, oldHttpPort, newHttpsPort, newHttpPort};
        for (int p : ports) {
            if (p < 0 || p > 65535) {
                return Optional.of("a port must be 0 (any free port) to 65535, not " + p);
            }
            if (p != 0 && !serve && !replayOnly) {
                return Optional.of("--old-/--new-…-port only apply with --serve or --replay-only");
            }
        }
        return Optional.empty();
    }

    private Optional<Selection> selection(PrintWriter err) {
        Set<ObjectRef> names = new LinkedHashSet<>();
        for (String i : ingresses) {
            int slash = i.indexOf('/');
            if (slash <= 0 || slash == i.length() - 1 || i.indexOf('/', slash + 1) >= 0) {
                err.println("migrate: --ingress takes NAMESPACE/NAME, not '" + i + "'");
                return Optional.empty();
            }
            names.add(ObjectRef.ingress(i.substring(0, slash), i.substring(slash + 1)));
        }
        return Optional.of(new Selection(Optional.ofNullable(namespace), Optional.ofNullable(ingressClass), names));
    }
}
