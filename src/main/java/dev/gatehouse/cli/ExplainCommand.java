package dev.gatehouse.cli;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.route.RequestHeaders;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        description = "Explain where a request goes through the Ingress or a Gateway listener: status, matched"
                + " rule, backend, certificate by SNI, protection of each leg, and why other candidates lost."
                + " A request that a Gateway listener takes (the URL's port, scheme and SNI/host) is answered by"
                + " the Gateway; any other by the Ingress controller.",
        synopsisHeading = "Usage: ",
        customSynopsis = {"gatehouse explain (--manifests PATH… | --context NAME) --url URL [--sni NAME | --no-sni]",
                "                  [--method M] [--header 'NAME: VALUE']… [--json] [--at INSTANT] [OPTIONS]"},
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

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "A request header that routes may match on (Gateway API header matches); repeatable."
                    + " The Host header is the URL's host")
    private List<String> headers = new ArrayList<>();

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

    @Option(names = "--json", description = "Print one JSON object (status, ingress, host, path, pathType,"
            + " service, port, redirect, secret, fallbackCertificate, certificateCoversHost, legs, trace, gateway,"
            + " listener, httpRoute, rule, upstreamPath, backends, …);"
            + " the same as -o json")
    private boolean json;

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Judge certificate validity at this time instead of now, e.g. 2027-01-15T00:00:00Z")
    private Instant at;

    @Option(names = "--url", paramLabel = "URL", description = "The request, e.g. https://shop.example.com/api")
    private String urlOption;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "The request, as an alternative to --url")
    private String urlParameter;

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
        Optional<String> url = url(err);
        if (url.isEmpty()) {
            return 2;
        }
        Optional<ProbeRequest> request = request(url.get(), err);
        if (request.isEmpty()) {
            return 2;
        }
        Optional<ClusterSource.Ready> opened = ClusterSource.report(factory.sources().create(source).open(), err);
        if (opened.isEmpty()) {
            return 2;
        }
        ClusterSource.Ready ready = opened.get();
        EngineFactory engines = at == null ? factory : factory.at(at);
        Explanation explanation = engines.snapshot(ready, controller.profile()).routing().explain(request.get());
        out.print(json || output == OutputFormat.JSON ? ExplanationRenderer.json(explanation) + "\n"
                : ExplanationRenderer.text(explanation));
        out.flush();
        return 0;
    }

    /** The URL from --url, the positional URL, or (older form) right after the --manifests paths. */
    private Optional<String> url(PrintWriter err) {
        Optional<String> trailing = source.takeTrailingUrl();
        List<String> given = new ArrayList<>();
        for (String candidate : new String[] {urlOption, urlParameter, trailing.orElse(null)}) {
            if (candidate != null && !given.contains(candidate)) {
                given.add(candidate);
            }
        }
        if (given.isEmpty()) {
            err.println("error: no URL: pass --url URL, e.g. --url https://shop.example.com/api");
            return Optional.empty();
        }
        if (given.size() > 1) {
            err.println("error: two URLs given (" + String.join(", ", given) + "); pass one with --url");
            return Optional.empty();
        }
        return Optional.of(given.get(0));
    }

    private Optional<ProbeRequest> request(String url, PrintWriter err) {
        ProbeRequest.Parsed parsed = ProbeRequest.parse(method, url);
        if (parsed instanceof ProbeRequest.Invalid invalid) {
            err.println("error: " + invalid.message());
            return Optional.empty();
        }
        ProbeRequest request = ((ProbeRequest.Valid) parsed).request();
        RequestHeaders matched;
        try {
            matched = RequestHeaders.parse(headers);
        } catch (IllegalArgumentException e) {
            err.println("error: --header " + e.getMessage());
            return Optional.empty();
        }
        request = request.withHeaders(matched);
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
