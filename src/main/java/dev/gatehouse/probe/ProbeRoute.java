package dev.gatehouse.probe;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a probe reaches the controller: straight at the planned address; at it and, when it does not answer (refused,
 * timed out, unroutable, unresolved) and a cluster is at hand, through a port-forward to a Ready Pod of the
 * controller's Service ({@link PortForwardProbe}); or only through the port-forward.
 */
public final class ProbeRoute {

    /** The ways to reach the controller. */
    public enum Mode {
        /** The planned address only. */
        DIRECT,
        /** The planned address; a port-forward when it does not answer and a cluster is at hand. */
        FALLBACK,
        /** A port-forward to the controller's Pod, whatever is published. */
        PORT_FORWARD
    }

    /** The failures of the published address after which a port-forward is tried. */
    static final Set<NetworkProblem.Kind> UNANSWERED = Set.of(NetworkProblem.Kind.REFUSED,
            NetworkProblem.Kind.CONNECT_TIMEOUT, NetworkProblem.Kind.UNREACHABLE, NetworkProblem.Kind.UNRESOLVED);

    private final Mode mode;
    private final Optional<KubernetesClient> client;
    private final String cluster;

    private ProbeRoute(Mode mode, Optional<KubernetesClient> client, String cluster) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.client = Objects.requireNonNull(client, "client");
        this.cluster = cluster == null ? "the cluster" : cluster;
    }

    /** Straight at the planned address. */
    public static ProbeRoute direct() {
        return new ProbeRoute(Mode.DIRECT, Optional.empty(), null);
    }

    /**
     * @param mode    how to reach the controller
     * @param client  the cluster's client (not closed here); without one, FALLBACK is DIRECT and PORT_FORWARD
     *                fails each host with a plain message
     * @param cluster the context name, for messages
     */
    public static ProbeRoute of(Mode mode, Optional<KubernetesClient> client, String cluster) {
        return new ProbeRoute(mode, client, cluster);
    }

    public Mode mode() {
        return mode;
    }

    /** What was probed, and what was seen. */
    record Probed(PlannedHost planned, Observation observation) {
    }

    /** Observes one host the way this route says (blocking, bounded by the host's timeout). */
    Probed observe(TlsProber prober, PlannedHost host) {
        if (mode == Mode.PORT_FORWARD) {
            return new PortForwardProbe(client, cluster, prober).probe(host, Optional.empty(), Optional.empty());
        }
        Observation direct = prober.observe(host.target());
        Optional<NetworkProblem> problem = direct.withSni().handshakeProblem();
        if (mode == Mode.FALLBACK && client.isPresent() && problem.isPresent()
                && UNANSWERED.contains(problem.get().kind()) && !Thread.currentThread().isInterrupted()) {
            return new PortForwardProbe(client, cluster, prober).probe(host, Optional.of(direct),
                    Optional.of(because(host.target(), problem.get())));
        }
        return new Probed(host, direct);
    }

    /** "203.0.113.10:443 timed out after 3 s", "… refused the connection", …. */
    static String because(ProbeTarget target, NetworkProblem problem) {
        String where = target.address().toString();
        return switch (problem.kind()) {
            case CONNECT_TIMEOUT -> where + " timed out after " + NetworkProblems.seconds(target.timeout());
            case REFUSED -> where + " refused the connection";
            case UNREACHABLE -> where + " is unreachable from this machine";
            case UNRESOLVED -> target.address().host() + " does not resolve";
            default -> where + " did not answer";
        };
    }
}
