package dev.gatehouse.cli;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.ProbeRequest;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse explain}: where a request goes, which certificate it gets, and why. */
@Command(name = "explain",
        description = "Explain where a request goes through the Ingress: status, matched rule, backend,"
                + " certificate by SNI, protection of each leg, and why other candidates lost.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "2:bad input (unreadable file, bad YAML, bad URL)"})
public final class ExplainCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Mixin
    private ClusterSourceOptions source = new ClusterSourceOptions();

    @Mixin
    private ControllerOptions controller = new ControllerOptions();

    @Option(names = "--sni", paramLabel = "NAME",
            description = "TLS server name the client sends (default: the URL host, as curl and browsers do)")
    private String sni;

    @Option(names = "--no-sni", description = "Send no SNI, like curl -H 'Host: ...' https://IP/")
    private boolean noSni;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", defaultValue = "GET", description = "HTTP method")
    private String method;

    @Option(names = "--client-cert", paramLabel = "none|trusted|untrusted", defaultValue = "none",
            description = "Client certificate presented on the TLS handshake")
    private String clientCert;

    @Option(names = "--client-cert-subject", paramLabel = "DN",
            description = "Subject of the client certificate (for auth-tls-match-cn)")
    private String clientSubject;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            converter = OutputFormat.Converter.class, description = "Output format: text or json")
    private OutputFormat output;

    @Parameters(index = "0", paramLabel = "URL", description = "e.g. https://shop.example.com/api")
    private String url;

    @Spec
    private CommandSpec spec;

    private final EngineFactory factory;

    public ExplainCommand() {
        this(EngineFactory.defaults());
    }

    public ExplainCommand(EngineFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ProbeRequest> request = request(err);
        if (request.isEmpty()) {
            return 2;
        }
        ClusterSource.Opened opened = factory.sources().create(source).open();
        if (opened instanceof ClusterSource.Unavailable unavailable) {
            unavailable.messages().forEach(m -> err.println("error: " + m));
            return 2;
        }
        ClusterSource.Ready ready = (ClusterSource.Ready) opened;
        ready.notes().forEach(n -> err.println("note: " + n));
        Explanation explanation = factory.engine(ready, controller.profile()).explain(request.get());
        out.print(output == OutputFormat.JSON ? ExplanationRenderer.json(explanation) + "\n"
                : ExplanationRenderer.text(explanation));
        out.flush();
        return 0;
    }

    private Optional<ProbeRequest> request(PrintWriter err) {
        ProbeRequest.Parsed parsed = ProbeRequest.parse(method, url);
        if (parsed instanceof ProbeRequest.Invalid invalid) {
            err.println("error: " + invalid.message());
            return Optional.empty();
        }
        ProbeRequest request = ((ProbeRequest.Valid) parsed).request();
        if (noSni) {
            request = request.withSni(Optional.empty());
        } else if (sni != null) {
            request = request.withSni(Optional.of(sni));
        }
        ClientCertificate certificate;
        switch (clientCert.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> certificate = ClientCertificate.NONE;
            case "trusted" -> certificate = ClientCertificate.trusted(clientSubject);
            case "untrusted" -> certificate = ClientCertificate.untrusted();
            default -> {
                err.println("error: --client-cert must be none, trusted or untrusted, not '" + clientCert + "'");
                return Optional.empty();
            }
        }
        return Optional.of(request.withClientCertificate(certificate));
    }
}
