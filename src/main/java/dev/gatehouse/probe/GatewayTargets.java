package dev.gatehouse.probe;

import dev.gatehouse.routing.RoutingSnapshot;
import dev.gatehouse.routing.gateway.CertificateRef;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.ParentStatus;
import dev.gatehouse.routing.gateway.RouteState;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddress;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Gateway API side of a probe plan: which hosts Gateway listeners terminate TLS for, which listener takes a
 * host, and where a Gateway is published ({@code status.addresses[]}, type {@code IPAddress} or {@code Hostname},
 * at the listener's port).
 */
final class GatewayTargets {

    private GatewayTargets() {
    }

    /**
     * Every exact host a TLS-terminating listener names, and every exact hostname of a route attached to such a
     * listener.
     */
    static Set<String> hosts(RoutingSnapshot snapshot) {
        GatewayModel model = snapshot.gateways();
        TreeSet<String> hosts = new TreeSet<>();
        for (GatewayListener l : model.listeners()) {
            if (l.terminatesTls() && exact(l.hostname())) {
                hosts.add(l.hostname().host());
            }
        }
        for (RouteState route : model.routes()) {
            boolean onTls = route.parents().stream().map(ParentStatus::attachedTo).flatMap(java.util.List::stream)
                    .map(model::listener).flatMap(Optional::stream).anyMatch(GatewayListener::terminatesTls);
            if (onTls) {
                route.hostnames().stream().filter(GatewayTargets::exact).map(HostPattern::host).forEach(hosts::add);
            }
        }
        return hosts;
    }

    /** The TLS-terminating listener a handshake with this SNI gets, on the lowest such port (443 first). */
    static Optional<GatewayListener> listenerFor(RoutingSnapshot snapshot, String host) {
        GatewayModel model = snapshot.gateways();
        return model.listeners().stream().filter(GatewayListener::terminatesTls).map(GatewayListener::port)
                .distinct().sorted(Comparator.comparing((Integer p) -> p != ProbeAddress.HTTPS_PORT)
                        .thenComparing(Comparator.naturalOrder()))
                .map(port -> model.select(port, "https", Optional.of(host)).chosen())
                .flatMap(Optional::stream).filter(GatewayListener::terminatesTls).findFirst();
    }

    /** The first {@code IPAddress} or {@code Hostname} in the Gateway's {@code status.addresses}, at this port. */
    static Optional<ProbeAddress> published(RoutingSnapshot snapshot, ObjectRef gateway, int port) {
        for (Gateway g : snapshot.model().view().gateways()) {
            if (!ObjectRef.of(g).equals(gateway) || g.getStatus() == null || g.getStatus().getAddresses() == null) {
                continue;
            }
            for (GatewayStatusAddress a : g.getStatus().getAddresses()) {
                String type = a == null || a.getType() == null ? "IPAddress" : a.getType();
                if (a != null && a.getValue() != null && !a.getValue().isBlank()
                        && (type.equals("IPAddress") || type.equals("Hostname"))) {
                    return Optional.of(new ProbeAddress(a.getValue().trim(), port));
                }
            }
        }
        return Optional.empty();
    }

    /** Adds the serving certificate of every Secret a listener names, by fingerprint. */
    static void addKnownLeaves(RoutingSnapshot snapshot, Map<String, ObjectRef> known) {
        for (GatewayListener l : snapshot.gateways().listeners()) {
            for (CertificateRef c : l.certificates()) {
                if (c.secret().kind().equals("Secret")) {
                    snapshot.model().secrets().get(c.secret().namespace(), c.secret().name()).servedCertificate()
                            .ifPresent(cert -> known.putIfAbsent(cert.sha256Fingerprint(),
                                    ObjectRef.secret(c.secret().namespace(), c.secret().name())));
                }
            }
        }
    }

    private static boolean exact(HostPattern p) {
        return p.kind() == HostPattern.Kind.EXACT && p.valid();
    }
}
