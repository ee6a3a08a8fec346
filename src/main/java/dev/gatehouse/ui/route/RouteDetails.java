package dev.gatehouse.ui.route;

import dev.gatehouse.routing.diagnostics.Diagnostic;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.ListenerKey;
import dev.gatehouse.routing.gateway.ParentStatus;
import dev.gatehouse.routing.gateway.RouteState;
import dev.gatehouse.ui.common.gateway.ConditionLine;
import dev.gatehouse.ui.common.gateway.KubeYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The detail pane's content for one route: per parent its conditions (Gatehouse's and the controller's), the rules, YAML. */
public record RouteDetails(String title, List<Parent> parents, List<RuleLine> rules, Optional<String> difference,
                           String yaml, List<Diagnostic> problems) {

    /**
     * One parentRef.
     *
     * @param title      {@code Gateway edge/main (sectionName https)}
     * @param attachedTo {@code attached to listener https}, or "attached to no listener"
     * @param conditions Accepted and ResolvedRefs, Gatehouse's beside the controller's
     */
    public record Parent(String title, String attachedTo, List<ConditionLine> conditions) {
    }

    static RouteDetails of(RouteRow row, GatewayModel model, RouteRows rows, List<Diagnostic> problems) {
        RouteState r = model.route(row.ref()).orElseThrow();
        List<Parent> parents = new ArrayList<>();
        for (ParentStatus p : r.parents()) {
            String attached = p.attachedTo().isEmpty() ? "attached to no listener"
                    : "attached to " + String.join(", ", p.attachedTo().stream().map(RouteDetails::listener).toList());
            parents.add(new Parent(p.display(), attached, ConditionLine.lines(RouteRows.conditions(p),
                    rows.written(r.ref(), p))));
        }
        var raw = rows.object(r.ref());
        return new RouteDetails(row.key(), parents, raw.map(o -> RouteRules.of(o, model)).orElse(List.of()),
                row.difference(), raw.map(KubeYaml::of).orElse(""), List.copyOf(problems));
    }

    private static String listener(ListenerKey k) {
        return "listener " + k.name() + (k.owner().kind().equals("ListenerSet") ? " (ListenerSet " + k.owner().name() + ")"
                : "");
    }
}
