package dev.gatehouse.ui.gateway;

import dev.gatehouse.routing.gateway.CertificateRef;
import dev.gatehouse.routing.gateway.Condition;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayState;
import dev.gatehouse.routing.gateway.ListenerKey;
import dev.gatehouse.routing.gateway.ListenerProtocol;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.ui.common.ExpiryBands;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.common.gateway.Verdicts;
import dev.gatehouse.ui.common.gateway.WrittenCondition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds the Gateways screen's rows from one routing snapshot: Gatehouse's model of every listener, and the
 * objects as read (for what the controller wrote into {@code .status}).
 */
final class GatewayRows {
    private final GatewayModel model;
    private final ClusterView view;

    GatewayRows(GatewayModel model, ClusterView view) {
        this.model = model;
        this.view = view;
    }

    List<ListenerRow> rows() {
        List<ListenerRow> out = new ArrayList<>();
        for (GatewayState g : model.gateways()) {
            if (g.listeners().isEmpty()) {
                out.add(new ListenerRow(g.ref(), g.ref(), null, "", "", "", "", Status.UNKNOWN, 0,
                        Verdicts.text(g.conditions(), "Programmed"), Status.ERROR,
                        Verdicts.brief(written(g.ref()), Condition.PROGRAMMED), Verdicts.difference(g.conditions(), written(g.ref())),
                        List.of(g.ref())));
                continue;
            }
            for (GatewayListener l : g.listeners()) {
                out.add(row(g, l));
            }
        }
        return out;
    }

    private ListenerRow row(GatewayState g, GatewayListener l) {
        List<WrittenCondition> written = written(l.key());
        List<ObjectRef> related = new ArrayList<>(List.of(g.ref()));
        if (!l.key().owner().equals(g.ref())) {
            related.add(l.key().owner());
        }
        l.certificates().forEach(c -> related.add(c.secret()));
        return new ListenerRow(g.ref(), l.key().owner(), l, protocol(l), String.valueOf(l.port()), hostname(l.hostname()),
                certificateText(l), certificateStatus(l), attachedRoutes(model, l.key()),
                Verdicts.text(l.conditions(), "Programmed"), Verdicts.status(l.conditions()),
                Verdicts.brief(written, Condition.PROGRAMMED), Verdicts.difference(l.conditions(), written), related);
    }

    static String protocol(GatewayListener l) {
        return l.protocolName() + l.tlsMode().filter(m -> l.protocol().orElse(null) == ListenerProtocol.TLS)
                .map(m -> " (" + m + ")").orElse("");
    }

    static String hostname(HostPattern h) {
        return h.kind() == HostPattern.Kind.ANY ? "any host" : h.display();
    }

    /** {@code edge/gw-wildcard-tls · expires in 80 days}, or why the listener has no usable certificate. */
    static String certificateText(GatewayListener l) {
        if (!l.terminatesTls()) {
            return l.tlsMode().map(m -> "Passthrough".equals(m) ? "passthrough: the backend's own" : "").orElse("no TLS");
        }
        if (l.certificates().isEmpty()) {
            return "none: no certificateRefs";
        }
        CertificateRef c = l.servedCertificate().orElse(l.certificates().get(0));
        String more = l.certificates().size() > 1 ? " (+" + (l.certificates().size() - 1) + " more)" : "";
        String name = c.secret().namespace().equals(l.gateway().namespace()) ? c.secret().name() : c.secret().path();
        return name + " · " + certificateState(c) + more;
    }

    /** "expires in 80 days", "not permitted: …", "missing". */
    static String certificateState(CertificateRef c) {
        if (!c.usable()) {
            return (c.resolution() == CertificateRef.Resolution.NOT_PERMITTED ? "not permitted (no ReferenceGrant)"
                    : "invalid: " + c.reason());
        }
        return c.state().flatMap(s -> s.servedCertificate())
                .map(i -> ExpiryBands.text(i.daysLeft(), i.expiry())).orElse("not read");
    }

    static Status certificateStatus(GatewayListener l) {
        if (!l.terminatesTls()) {
            return Status.OK;
        }
        Optional<CertificateRef> served = l.servedCertificate();
        if (served.isEmpty()) {
            return Status.ERROR;
        }
        return served.get().state().flatMap(s -> s.servedCertificate()).map(i -> ExpiryBands.status(i.expiry()))
                .orElse(Status.UNKNOWN);
    }

    /** The routes Gatehouse finds attached to a listener (what {@code status.listeners[].attachedRoutes} counts). */
    static int attachedRoutes(GatewayModel model, ListenerKey key) {
        return (int) model.routes().stream()
                .filter(r -> r.parents().stream().anyMatch(p -> p.attachedTo().contains(key))).count();
    }

    /** The Gateway's own conditions as its controller wrote them. */
    List<WrittenCondition> written(ObjectRef gateway) {
        return gateway(gateway).map(x -> x.getStatus() == null ? List.<WrittenCondition>of()
                : WrittenCondition.of(x.getStatus().getConditions())).orElse(List.of());
    }

    /** A listener's conditions as the controller wrote them (in its Gateway's or ListenerSet's status). */
    List<WrittenCondition> written(ListenerKey key) {
        if (key.owner().kind().equals("ListenerSet")) {
            return listenerSet(key.owner()).filter(s -> s.getStatus() != null && s.getStatus().getListeners() != null)
                    .flatMap(s -> s.getStatus().getListeners().stream().filter(e -> key.name().equals(e.getName()))
                            .findFirst()).map(e -> WrittenCondition.of(e.getConditions())).orElse(List.of());
        }
        return gateway(key.owner()).filter(x -> x.getStatus() != null && x.getStatus().getListeners() != null)
                .flatMap(x -> x.getStatus().getListeners().stream().filter(e -> key.name().equals(e.getName()))
                        .findFirst()).map(e -> WrittenCondition.of(e.getConditions())).orElse(List.of());
    }

    /** {@code status.listeners[].attachedRoutes} as written, if it is. */
    OptionalInt writtenAttachedRoutes(ListenerKey key) {
        Optional<Integer> n = key.owner().kind().equals("ListenerSet")
                ? listenerSet(key.owner()).filter(s -> s.getStatus() != null && s.getStatus().getListeners() != null)
                .flatMap(s -> s.getStatus().getListeners().stream().filter(e -> key.name().equals(e.getName()))
                        .findFirst()).map(e -> e.getAttachedRoutes())
                : gateway(key.owner()).filter(x -> x.getStatus() != null && x.getStatus().getListeners() != null)
                .flatMap(x -> x.getStatus().getListeners().stream().filter(e -> key.name().equals(e.getName()))
                        .findFirst()).map(e -> e.getAttachedRoutes());
        return n.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    Optional<Gateway> gateway(ObjectRef ref) {
        return view.gateways().stream().filter(x -> ObjectRef.of(x).equals(ref)).findFirst();
    }

    Optional<ListenerSet> listenerSet(ObjectRef ref) {
        return view.listenerSets().stream().filter(x -> ObjectRef.of(x).equals(ref)).findFirst();
    }
}
