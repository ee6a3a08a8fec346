package dev.gatehouse.ui.gateway;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.gateway.CertificateRef;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayState;
import dev.gatehouse.routing.gateway.RouteState;
import dev.gatehouse.ui.common.gateway.ConditionLine;
import dev.gatehouse.ui.common.gateway.KubeYaml;
import dev.gatehouse.ui.common.gateway.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The detail pane's content for one listener row: its conditions (Gatehouse's beside the controller's), its
 * certificates, the routes attached, its Gateway's conditions and facts, the YAML of the object declaring it, and
 * the diagnostics about the Gateway.
 */
public record GatewayDetails(String title, List<ConditionLine> listenerConditions, List<ConditionLine> gatewayConditions,
                             List<String> facts, List<String> certificates, List<String> routes,
                             Optional<String> difference, String yaml, List<Diagnostic> problems) {

    static GatewayDetails of(ListenerRow row, GatewayModel model, GatewayRows rows, List<Diagnostic> problems) {
        GatewayState g = model.gateway(row.gateway()).orElseThrow();
        GatewayListener l = row.listener();
        List<ConditionLine> listenerLines = l == null ? List.of() : ConditionLine.lines(l.conditions(), rows.written(l.key()));
        List<ConditionLine> gatewayLines = ConditionLine.lines(g.conditions(), rows.written(g.ref()));
        List<String> facts = new ArrayList<>();
        facts.add("GatewayClass " + g.className() + ": " + g.gatewayClass().map(c -> c.isAccepted()
                ? "accepted (controller " + c.controllerName() + ")" : "not accepted: " + c.accepted().message())
                .orElse("not found: no controller programs this Gateway"));
        rows.gateway(g.ref()).filter(x -> x.getStatus() != null && x.getStatus().getAddresses() != null
                && !x.getStatus().getAddresses().isEmpty()).ifPresent(x -> facts.add("Addresses: " + String.join(", ",
                x.getStatus().getAddresses().stream().map(a -> a.getValue()).toList())));
        g.listenerSets().forEach((set, c) -> facts.add(set + ": " + (c.status() ? "attached" : "not attached ("
                + c.reason() + "): " + c.message())));
        List<String> certificates = new ArrayList<>();
        List<String> routes = new ArrayList<>();
        if (l != null) {
            facts.add("Listener " + l.display() + (row.owner().equals(g.ref()) ? "" : ", declared by " + row.owner()));
            facts.add("Routes allowed from: " + l.namespaces().display() + (l.kinds().isEmpty() ? ""
                    : "; kinds " + String.join(", ", l.kinds())));
            var written = rows.writtenAttachedRoutes(l.key());
            facts.add("Attached routes: " + row.attachedRoutes() + " by Gatehouse's reckoning"
                    + (written.isPresent() ? ", " + written.getAsInt() + " as the controller wrote" : ""));
            for (CertificateRef c : l.certificates()) {
                certificates.add("Secret " + c.secret().path() + ": " + GatewayRows.certificateState(c)
                        + (c.usable() ? c.state().flatMap(s -> s.servedCertificate()).map(i -> " — " + i.displayName())
                        .orElse("") : " — " + c.reason()));
            }
            for (RouteState r : model.routes()) {
                if (r.parents().stream().anyMatch(p -> p.attachedTo().contains(l.key()))) {
                    routes.add(r.ref().toString());
                }
            }
        }
        String title = row.gateway() + (l == null ? "" : " · listener " + l.name());
        Object declaring = row.owner().kind().equals("ListenerSet") ? rows.listenerSet(row.owner()).orElse(null)
                : rows.gateway(row.gateway()).orElse(null);
        String yaml = declaring instanceof io.fabric8.kubernetes.api.model.HasMetadata h ? KubeYaml.of(h) : "";
        Optional<String> difference = row.difference().or(() -> Verdicts.difference(g.conditions(), rows.written(g.ref()))
                .map(d -> "Gateway: " + d));
        return new GatewayDetails(title, listenerLines, gatewayLines, facts, certificates, routes, difference, yaml,
                List.copyOf(problems));
    }

}
