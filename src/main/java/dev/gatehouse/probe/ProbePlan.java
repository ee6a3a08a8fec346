package dev.gatehouse.probe;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.RouteMatch;
import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.Server;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.tls.HostnameMatcher;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressPortStatus;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which hosts to probe, where, and what the engine expects of each: from a {@link RoutingSnapshot}, the hosts
 * asked for (none: every host with TLS in the objects, Ingresses' and Gateway listeners') and an address (none: the
 * {@code status.loadBalancer} IP or host name of the Ingress that decides the host at the port it publishes, or the
 * {@code status.addresses} of the Gateway whose listener takes it, at the listener's port).
 */
public final class ProbePlan {

    private ProbePlan() {
    }

    /** The plan, or why there is none. */
    public sealed interface Result permits Planned, Refused {
    }

    public record Planned(List<PlannedHost> hosts) implements Result {
        public Planned {
            hosts = List.copyOf(hosts);
        }
    }

    /** Bad input, with plain messages (one per problem). */
    public record Refused(List<String> messages) implements Result {
        public Refused {
            messages = List.copyOf(messages);
        }
    }

    /**
     * One host's plan: where to connect and what to expect, or why it cannot be probed (no address published and
     * none given).
     *
     * @param host    the host (SNI and Host)
     * @param planned the plan, when there is an address
     * @param problem why there is none: a plain sentence that names the object that publishes no address
     */
    public record HostPlan(String host, Optional<PlannedHost> planned, Optional<String> problem) {
    }

    public static Result plan(RoutingSnapshot snapshot, List<String> hosts, Optional<ProbeAddress> address,
                              Duration timeout) {
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String raw : hosts) {
            String host = HostnameMatcher.normalize(raw == null ? "" : raw);
            HostPattern pattern = HostPattern.parse(host);
            if (host.isEmpty()) {
                problems.add("--host is empty; give a host name such as shop.example.com");
            } else if (pattern.kind() == HostPattern.Kind.WILDCARD) {
                problems.add("\"" + raw + "\" is a wildcard, not a host one can connect to; name a host under it,"
                        + " e.g. --host www." + host.substring(2));
            } else if (!pattern.valid() && !HostnameMatcher.isIpAddress(host)) {
                problems.add("\"" + raw + "\" is not a host name" + pattern.problem().map(p -> ": " + p).orElse(""));
            } else if (!names.contains(host)) {
                names.add(host);
            }
        }
        if (hosts.isEmpty()) {
            names.addAll(hosts(snapshot));
            if (names.isEmpty()) {
                problems.add("the objects have no host with TLS to probe; name one with --host");
            }
        }
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        Map<String, ObjectRef> known = knownLeaves(snapshot);
        List<PlannedHost> planned = new ArrayList<>();
        for (String host : names) {
            HostPlan one = host(snapshot, host, address, "--address", timeout, known);
            one.planned().ifPresent(planned::add);
            one.problem().ifPresent(p -> problems.add(p + "; give --address HOST[:PORT]"));
        }
        return problems.isEmpty() ? new Planned(planned) : new Refused(problems);
    }

    /**
     * The plan of one host (a normalised host name): at {@code given} when present (its origin named
     * {@code givenFrom} in the verdicts, e.g. "--address"), else at the address the object deciding the host
     * publishes — an Ingress's {@code status.loadBalancer}, or a Gateway's {@code status.addresses} at the
     * listener's port.
     */
    public static HostPlan host(RoutingSnapshot snapshot, String host, Optional<ProbeAddress> given, String givenFrom,
                                Duration timeout) {
        return host(snapshot, host, given, givenFrom, timeout, knownLeaves(snapshot));
    }

    private static HostPlan host(RoutingSnapshot snapshot, String host, Optional<ProbeAddress> given,
                                 String givenFrom, Duration timeout, Map<String, ObjectRef> known) {
        boolean ingressHost = snapshot.model().servers().exact(host).isPresent();
        Optional<GatewayListener> listener = ingressHost ? Optional.empty()
                : GatewayTargets.listenerFor(snapshot, host);
        int port = listener.map(GatewayListener::port).orElse(ProbeAddress.HTTPS_PORT);
        Expectation expectation = expect(snapshot, host, known, port);
        if (given.isPresent()) {
            return planned(host, new PlannedHost(new ProbeTarget(host, given.get(), timeout), expectation, givenFrom));
        }
        if (listener.isPresent()) {
            GatewayListener l = listener.get();
            Optional<ProbeAddress> published = GatewayTargets.published(snapshot, l.gateway(), port);
            String from = "status.addresses of Gateway " + l.gateway().path() + ", listener " + l.name() + " port "
                    + l.port();
            return published.map(a -> planned(host, new PlannedHost(new ProbeTarget(host, a, timeout), expectation,
                    from, Optional.of(l.gateway()), Optional.empty()))).orElseGet(() -> unplanned(host, host + ": Gateway " + l.gateway().path()
                    + " publishes no IPAddress or Hostname in status.addresses (no controller has programmed it yet,"
                    + " or the objects come from files)"));
        }
        Optional<ObjectRef> decider = expectation.ingress();
        Optional<ProbeAddress> published = decider.flatMap(ref -> published(snapshot, ref));
        if (published.isPresent()) {
            return planned(host, new PlannedHost(new ProbeTarget(host, published.get(), timeout), expectation,
                    "status.loadBalancer of Ingress " + decider.orElseThrow().path(), decider, Optional.empty()));
        }
        return unplanned(host, decider.map(ref -> host + ": Ingress " + ref.path()
                        + " publishes no address in status.loadBalancer (the controller has not written one,"
                        + " or the objects come from files)")
                .orElse(host + ": no Ingress or Gateway listener of the objects takes this host"));
    }

    private static HostPlan planned(String host, PlannedHost planned) {
        return new HostPlan(host, Optional.of(planned), Optional.empty());
    }

    private static HostPlan unplanned(String host, String problem) {
        return new HostPlan(host, Optional.empty(), Optional.of(problem));
    }

    static int port(IngressLoadBalancerIngress lb) {
        List<Integer> ports = lb.getPorts() == null ? List.of() : lb.getPorts().stream()
                .filter(p -> p != null && p.getPort() != null && p.getPort() > 0 && p.getPort() <= 65535)
                .filter(p -> p.getError() == null || p.getError().isBlank())
                .map(IngressPortStatus::getPort).toList();
        return ports.isEmpty() || ports.contains(ProbeAddress.HTTPS_PORT) ? ProbeAddress.HTTPS_PORT : ports.get(0);
    }

    /**
     * Every host one can probe, sorted: each exact host with a TLS section in an Ingress, and each exact host a
     * TLS-terminating Gateway listener takes (its own hostname, or an attached route's).
     */
    public static List<String> hosts(RoutingSnapshot snapshot) {
        TreeSet<String> hosts = new TreeSet<>(tlsHosts(snapshot));
        hosts.addAll(GatewayTargets.hosts(snapshot));
        return List.copyOf(hosts);
    }

    /** Every exact host with a TLS section in the Ingresses, sorted. */
    static List<String> tlsHosts(RoutingSnapshot snapshot) {
        TreeSet<String> hosts = new TreeSet<>();
        for (Server server : snapshot.model().servers().all()) {
            if (server.hasTls() && server.pattern().kind() == HostPattern.Kind.EXACT && server.pattern().valid()) {
                hosts.add(server.pattern().host());
            }
        }
        return List.copyOf(hosts);
    }

    static Expectation expect(RoutingSnapshot snapshot, String host, Map<String, ObjectRef> known, int port) {
        ProbeRequest request = new ProbeRequest("GET", "https", host, port, "/", "",
                HostnameMatcher.isIpAddress(host) ? Optional.empty() : Optional.of(host),
                dev.gatehouse.routing.ClientCertificate.NONE);
        Explanation explanation = snapshot.explain(request);
        Optional<ObjectRef> ingress = explanation.route().map(RouteMatch::ingress)
                .or(() -> explanation.certificate().filter(ServedCertificate.FromSecret.class::isInstance)
                        .map(c -> ((ServedCertificate.FromSecret) c).ingress()))
                .or(() -> snapshot.model().servers().exact(host).flatMap(Server::createdBy));
        return new Expectation(host, explanation.certificate(), explanation.carriage().hsts(), ingress, known);
    }

    /** The serving certificate of every Secret named in a tls section, by fingerprint. */
    static Map<String, ObjectRef> knownLeaves(RoutingSnapshot snapshot) {
        Map<String, ObjectRef> known = new LinkedHashMap<>();
        for (Ingress ingress : snapshot.model().view().ingresses()) {
            if (ingress.getSpec() == null || ingress.getSpec().getTls() == null) {
                continue;
            }
            String namespace = ObjectRef.namespaceOf(ingress);
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                if (tls != null && tls.getSecretName() != null && !tls.getSecretName().isBlank()) {
                    snapshot.model().secrets().get(namespace, tls.getSecretName()).servedCertificate()
                            .ifPresent(c -> known.putIfAbsent(c.sha256Fingerprint(),
                                    ObjectRef.secret(namespace, tls.getSecretName())));
                }
            }
        }
        GatewayTargets.addKnownLeaves(snapshot, known);
        return known;
    }

    /**
     * The first IP or host name in the Ingress's {@code status.loadBalancer}, at the port its {@code ports[]} publish
     * (443 when listed or when none is; else the first port without an {@code error}), port 443 when none.
     */
    static Optional<ProbeAddress> published(RoutingSnapshot snapshot, ObjectRef ref) {
        for (Ingress ingress : snapshot.model().view().ingresses()) {
            if (!ObjectRef.of(ingress).equals(ref) || ingress.getStatus() == null
                    || ingress.getStatus().getLoadBalancer() == null
                    || ingress.getStatus().getLoadBalancer().getIngress() == null) {
                continue;
            }
            for (IngressLoadBalancerIngress lb : ingress.getStatus().getLoadBalancer().getIngress()) {
                String target = lb.getIp() != null && !lb.getIp().isBlank() ? lb.getIp() : lb.getHostname();
                if (target != null && !target.isBlank()) {
                    return Optional.of(new ProbeAddress(target.trim(), port(lb)));
                }
            }
        }
        return Optional.empty();
    }
}
