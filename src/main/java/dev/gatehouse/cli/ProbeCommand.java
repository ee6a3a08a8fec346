package dev.gatehouse.cli;

import dev.gatehouse.cluster.ClusterSession;
import dev.gatehouse.cluster.SessionClusterView;
import dev.gatehouse.cluster.SessionSettings;
import dev.gatehouse.probe.HostReport;
import dev.gatehouse.probe.LiveProbe;
import dev.gatehouse.probe.ProbeAddress;
import dev.gatehouse.probe.ProbePlan;
import dev.gatehouse.probe.ProbeRoute;
import dev.gatehouse.probe.ProbeTarget;
import dev.gatehouse.session.SessionSnapshot;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse probe}: what the endpoint really serves, set beside what the objects say. */
@Command(name = "probe",
        description = "Connect to the controller's address and report what it really serves for each host: the chain"
                + " with and without SNI, whether the leaf is the Secret's, chain order and completeness, TLS versions"
                + " accepted, ALPN h2, HSTS, OCSP stapling, CT SCTs, handshake time; each set beside what the"
                + " objects predict.",
        synopsisHeading = "Usage: ",
        customSynopsis = {"gatehouse probe (--context NAME | --manifests PATH…) [--host H]…",
                "                [--address HOST[:PORT] | --via-port-forward | --no-port-forward]",
                "                [--timeout S] [--json] [OPTIONS]"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:what is served agrees with the objects", "1:it disagrees, or a check fails (including an"
                + " unreachable address)", "2:bad input (unreadable files, a bad --address or --timeout, a host"
                + " without an address, --via-port-forward without a cluster)"})
public final class ProbeCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Mixin
    private ClusterSourceOptions source = new ClusterSourceOptions();

    @Mixin
    private ControllerOptions controller = new ControllerOptions();

    @Option(names = "--host", paramLabel = "H", description = "A host to probe (repeatable; default: every host with"
            + " a TLS section in the objects, and every exact host a TLS-terminating Gateway listener takes)")
    private List<String> hosts = new ArrayList<>();

    @Option(names = "--address", paramLabel = "HOST[:PORT]", description = "Connect here instead of the address the"
            + " Ingress publishes in status.loadBalancer (or the Gateway in status.addresses, at the listener's port;"
            + " port 443 when not given), e.g. a port-forward 127.0.0.1:8443")
    private String address;

    @Option(names = "--via-port-forward", description = "Probe through a port-forward to a Ready Pod of the"
            + " controller's Service (the Service carrying the published address, else ingress-nginx's or the Gateway's"
            + " well-known labels), whatever is published; needs --context/--kubeconfig")
    private boolean viaPortForward;

    @Option(names = "--no-port-forward", description = "Do not fall back to a port-forward when the published"
            + " address does not answer (by default, with a cluster, a refused, timed-out or unroutable address is"
            + " retried through one)")
    private boolean noPortForward;

    @Option(names = "--timeout", paramLabel = "S", description = "Bound of each step — name lookup, TCP connect, TLS"
            + " handshake, first answer — in seconds, or 500ms, 2m (default: 10)")
    private String timeout;

    @Option(names = "--json", description = "Print one JSON object: per host and SNI the served chain (subject,"
            + " issuer, SHA-256), the expected leaf's fingerprint, the protocols, ALPN, HSTS and each verdict")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final EngineFactory factory;

    public ProbeCommand() {
        this(EngineFactory.defaults());
    }

    public ProbeCommand(EngineFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ProbeAddress> where = Optional.empty();
        if ((address != null ? 1 : 0) + (viaPortForward ? 1 : 0) + (noPortForward ? 1 : 0) > 1) {
            err.println("error: give only one of --address, --via-port-forward and --no-port-forward");
            return 2;
        }
        if (address != null) {
            ProbeAddress.Parsed parsed = ProbeAddress.parse(address);
            if (parsed instanceof ProbeAddress.Invalid invalid) {
                err.println("error: --address: " + invalid.message());
                return 2;
            }
            where = Optional.of(((ProbeAddress.Valid) parsed).address());
        }
        Duration bound = ProbeTarget.DEFAULT_TIMEOUT;
        if (timeout != null) {
            try {
                bound = SessionSettings.parseTimeout(timeout, "--timeout");
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
        }
        Optional<ClusterSource.Ready> opened = ClusterSource.report(factory.sources().create(source).open(), err);
        if (opened.isEmpty()) {
            return 2;
        }
        Optional<ClusterSession> session = opened.get().view() instanceof SessionClusterView v
                ? Optional.of(v.session()) : Optional.empty();
        if (viaPortForward && session.isEmpty()) {
            err.println("error: --via-port-forward needs a cluster (--context or --kubeconfig), not --manifests");
            return 2;
        }
        SessionSnapshot snapshot = factory.snapshot(opened.get(), controller.profile());
        ProbePlan.Result plan = ProbePlan.plan(snapshot.routing(), hosts, where, bound);
        if (plan instanceof ProbePlan.Refused refused) {
            refused.messages().forEach(m -> err.println("error: " + m));
            return 2;
        }
        ProbeRoute.Mode mode = viaPortForward ? ProbeRoute.Mode.PORT_FORWARD
                : address != null || noPortForward ? ProbeRoute.Mode.DIRECT : ProbeRoute.Mode.FALLBACK;
        ProbeRoute route = ProbeRoute.of(mode, session.flatMap(ClusterSession::client),
                session.map(s -> "context " + s.contextName()).orElse("the cluster"));
        List<HostReport> reports = new LiveProbe(factory.clock(), snapshot.anchors(), route)
                .run(((ProbePlan.Planned) plan).hosts(), report -> { });
        out.print(json ? ProbeRenderer.json(reports) + "\n" : ProbeRenderer.text(reports));
        out.flush();
        return reports.stream().allMatch(HostReport::agrees) ? 0 : 1;
    }
}
