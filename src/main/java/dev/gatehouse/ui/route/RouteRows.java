package dev.gatehouse.ui.route;

import dev.gatehouse.routing.gateway.Condition;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.ParentStatus;
import dev.gatehouse.routing.gateway.RouteState;
import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.HostPattern;
import dev.gatehouse.ui.common.gateway.Verdicts;
import dev.gatehouse.ui.common.gateway.WrittenCondition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds the HTTPRoutes screen's rows from one routing snapshot and the route objects as read. */
final class RouteRows {
    private final GatewayModel model;
    private final ClusterView view;

    RouteRows(GatewayModel model, ClusterView view) {
        this.model = model;
        this.view = view;
    }

    List<RouteRow> rows() {
        List<RouteRow> out = new ArrayList<>();
        for (RouteState r : model.routes()) {
            Optional<HasMetadata> raw = object(r.ref());
            List<RuleLine> rules = raw.map(o -> RouteRules.of(o, model)).orElse(List.of());
            List<String> backends = new ArrayList<>();
            rules.forEach(l -> l.backends().forEach(b -> backends.add(b.brief())));
            List<String> controller = new ArrayList<>();
            List<String> differences = new ArrayList<>();
            for (ParentStatus p : r.parents()) {
                List<WrittenCondition> written = written(r.ref(), p);
                if (!written.isEmpty()) {
                    controller.add((r.parents().size() > 1 ? p.parent().name() + p.sectionName().map(s -> "/" + s)
                            .orElse("") + ": " : "") + Verdicts.brief(written, Condition.ACCEPTED));
                }
                Verdicts.difference(conditions(p), written).ifPresent(d -> differences.add(
                        r.parents().size() > 1 ? p.display() + ": " + d : d));
            }
            List<Condition> all = r.parents().stream().flatMap(p -> conditions(p).stream()).toList();
            out.add(new RouteRow(r.ref(), hostnames(r.hostnames()), parents(r), rules.size(),
                    String.join(", ", new java.util.LinkedHashSet<>(backends)),
                    r.parents().isEmpty() ? "no parentRefs" : Verdicts.text(all, "Accepted"),
                    r.parents().isEmpty() ? dev.gatehouse.ui.common.Status.ERROR : Verdicts.status(all),
                    controller.isEmpty() ? "no status written" : String.join("; ", controller),
                    differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences))));
        }
        return out;
    }

    static List<Condition> conditions(ParentStatus p) {
        return List.of(p.accepted(), p.resolvedRefs());
    }

    static String hostnames(List<HostPattern> hosts) {
        return hosts.isEmpty() ? "any host (the listener's)" : String.join(", ", hosts.stream().map(HostPattern::display)
                .toList());
    }

    /** {@code edge/main (https): Accepted}, {@code edge/main: Accepted=False NoMatchingListenerHostname}. */
    static String parents(RouteState r) {
        return String.join(", ", r.parents().stream().map(p -> p.parent().path() + p.sectionName().map(s -> " (" + s + ")")
                .orElse("") + ": " + Verdicts.text(conditions(p), "Accepted")).toList());
    }

    Optional<HasMetadata> object(ObjectRef ref) {
        Stream<? extends HasMetadata> all = switch (ref.kind()) {
            case "HTTPRoute" -> view.httpRoutes().stream();
            case "GRPCRoute" -> view.grpcRoutes().stream();
            case "TLSRoute" -> view.tlsRoutes().stream();
            default -> Stream.empty();
        };
        return all.filter(o -> ObjectRef.of(o).equals(ref)).findFirst().map(o -> (HasMetadata) o);
    }

    /** The conditions the controller wrote for one parent of the route ({@code status.parents[]}). */
    List<WrittenCondition> written(ObjectRef route, ParentStatus parent) {
        List<RouteParentStatus> statuses = object(route).map(RouteRows::statusParents).orElse(List.of());
        for (RouteParentStatus s : statuses) {
            var ref = s.getParentRef();
            if (ref == null) {
                continue;
            }
            String kind = ref.getKind() == null ? "Gateway" : ref.getKind();
            String ns = ref.getNamespace() == null || ref.getNamespace().isBlank() ? route.namespace() : ref.getNamespace();
            if (kind.equals(parent.parent().kind()) && ns.equals(parent.parent().namespace())
                    && Objects.equals(ref.getName(), parent.parent().name())
                    && Objects.equals(Optional.ofNullable(ref.getSectionName()), parent.sectionName())
                    && Objects.equals(Optional.ofNullable(ref.getPort()), parent.port())) {
                return WrittenCondition.of(s.getConditions());
            }
        }
        return List.of();
    }

    private static List<RouteParentStatus> statusParents(HasMetadata o) {
        List<RouteParentStatus> parents = null;
        if (o instanceof HTTPRoute h && h.getStatus() != null) {
            parents = h.getStatus().getParents();
        } else if (o instanceof GRPCRoute g && g.getStatus() != null) {
            parents = g.getStatus().getParents();
        } else if (o instanceof TLSRoute t && t.getStatus() != null) {
            parents = t.getStatus().getParents();
        }
        return parents == null ? List.of() : parents;
    }
}
