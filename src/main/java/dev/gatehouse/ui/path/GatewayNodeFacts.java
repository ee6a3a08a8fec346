package dev.gatehouse.ui.path;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.gateway.CertificateRef;
import dev.gatehouse.routing.gateway.Condition;
import dev.gatehouse.routing.gateway.GatewayBackend;
import dev.gatehouse.routing.gateway.GatewayListener;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayRule;
import dev.gatehouse.routing.gateway.ParentStatus;
import dev.gatehouse.routing.gateway.TlsRouteTarget;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.RouteConditions;
import dev.gatehouse.routing.route.RouteFilter;
import dev.gatehouse.routing.route.ValueMatch;
import dev.gatehouse.ui.common.Status;
import dev.gatehouse.ui.path.PathDiagram.Detail;
import dev.gatehouse.ui.path.PathDiagram.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The boxes of a Gateway lane that an Ingress lane does not have — the listener (as the controller box) and the
 * HTTPRoute rule or TLSRoute — described from what the engine derived ({@link GatewayModel}) and explained; it
 * judges nothing itself.
 */
final class GatewayNodeFacts {

    private final GatewayModel gateways;

    GatewayNodeFacts(GatewayModel gateways) {
        this.gateways = gateways;
    }

    /** The listener: port, protocol, hostname, its conditions and the certificate SNI picks. */
    NodeInfo listener(GatewayListener l, Optional<Explanation> front) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Gateway", l.gateway().path()));
        details.add(new Detail("Listener", l.display()));
        l.tlsMode().ifPresent(m -> details.add(new Detail("TLS mode", m)));
        l.conditions().forEach(c -> details.add(new Detail(c.type(), (c.status() ? "True" : "False") + " · "
                + c.reason() + (c.message().isEmpty() ? "" : ": " + c.message()))));
        for (CertificateRef ref : l.certificates()) {
            details.add(new Detail("Certificate ref", "Secret " + ref.secret().path() + (ref.usable() ? "" : " — "
                    + ref.reason())));
        }
        Status status;
        String text;
        Optional<ServedCertificate> served = front.flatMap(Explanation::certificate);
        if (!l.programmed()) {
            status = Status.ERROR;
            text = "not programmed";
        } else if (l.tlsMode().map("Passthrough"::equals).orElse(false)) {
            status = Status.UNKNOWN;
            text = "TLS passed through";
        } else if (!l.terminatesTls()) {
            status = Status.WARNING;
            text = "plain HTTP";
        } else if (served.isPresent()) {
            ServedCertificate certificate = served.get();
            details.add(new Detail("Certificate", certificate.describe()));
            if (certificate instanceof ServedCertificate.FromSecret fromSecret) {
                fromSecret.certificate().ifPresent(info -> NodeFacts.addCertificate(details, info, fromSecret.host()));
            }
            status = NodeFacts.certificateStatus(certificate);
            text = NodeFacts.certificateText(certificate);
        } else {
            status = Status.ERROR;
            text = "no usable certificate";
        }
        return new NodeInfo("Gateway " + l.gateway().name(), "listener " + l.name() + "\n" + l.protocolName() + " :"
                + l.port() + " · " + l.hostname().display(), status, text, List.of(), details);
    }

    /** The HTTPRoute rule: its match, filters, backends and the route's status for this Gateway. */
    NodeInfo rule(GatewayRule r, GatewayListener listener) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("HTTPRoute", r.route().path()));
        details.add(new Detail("Rule", position(r) + r.ruleName().map(n -> " (name " + n + ")").orElse("")));
        details.add(new Detail("Hostname", r.hostname().display()));
        r.rule().match().ifPresent(m -> details.add(new Detail("Matches", conditions(m))));
        r.rule().filters().forEach(f -> details.add(new Detail("Filter", filter(f))));
        r.backends().forEach(b -> details.add(new Detail("backendRef", b.display() + b.invalid()
                .map(p -> " — " + p.reason() + ": " + p.message()).orElse(""))));
        Optional<ParentStatus> parent = parent(r.route(), listener);
        parent.ifPresent(p -> {
            details.add(new Detail("Accepted", condition(p.accepted())));
            details.add(new Detail("ResolvedRefs", condition(p.resolvedRefs())));
        });
        boolean resolved = parent.map(p -> p.resolvedRefs().status()).orElse(true);
        Status status = resolved ? Status.OK : Status.ERROR;
        String text = resolved ? "attached" : parent.get().resolvedRefs().reason();
        return new NodeInfo("HTTPRoute " + r.route().name(), "rules[" + r.ruleIndex() + "] · " + matchSummary(r),
                status, text, List.of(), details);
    }

    NodeInfo tlsRoute(TlsRouteTarget t, GatewayListener listener) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("TLSRoute", t.route().path()));
        details.add(new Detail("Hostname", t.hostname().display()));
        details.add(new Detail("TLS", "Passed through: the Gateway reads only the SNI and forwards the encrypted"
                + " stream; the backend terminates TLS"));
        t.backends().forEach(b -> details.add(new Detail("backendRef", b.display())));
        parent(t.route(), listener).ifPresent(p -> details.add(new Detail("Accepted", condition(p.accepted()))));
        return new NodeInfo("TLSRoute " + t.route().name(), "SNI " + t.hostname().display(), Status.OK, "attached",
                List.of(), details);
    }

    /** The Service box of a backendRef, with its weight. */
    NodeInfo service(NodeInfo base, GatewayBackend b, int share) {
        List<Detail> details = new ArrayList<>(base.details());
        details.add(new Detail("Weight", b.ref().weight() + (b.ref().weight() == 0 ? " (never chosen)"
                : " (" + share + "% of the requests)")));
        b.policy().ifPresent(p -> details.add(new Detail("BackendTLSPolicy", p.path())));
        if (b.invalid().isPresent()) {
            GatewayBackend.Problem problem = b.invalid().get();
            details.add(new Detail("Problem", problem.reason() + ": " + problem.message()));
            return new NodeInfo(base.title(), base.subtitle(), Status.ERROR, problem.reason(), base.diagnostics(),
                    details);
        }
        return new NodeInfo(base.title(), base.subtitle(), base.status(), base.statusText(), base.diagnostics(),
                details);
    }

    /** The box in place of a Service for a rule without backendRefs: its redirect, or the 500 it answers. */
    NodeInfo noBackend(GatewayRule r, Optional<Explanation> answer) {
        Optional<RouteFilter.RequestRedirect> redirect = r.rule().filters().stream()
                .filter(f -> f instanceof RouteFilter.RequestRedirect).map(f -> (RouteFilter.RequestRedirect) f)
                .findFirst();
        List<Detail> details = new ArrayList<>();
        answer.ifPresent(e -> details.add(new Detail("Answer", e.decision().summary())));
        if (redirect.isPresent()) {
            answer.flatMap(e -> e.decision().redirectTo()).ifPresent(l -> details.add(new Detail("Location", l)));
            return new NodeInfo("Redirect", redirect.get().subject(), Status.OK, String.valueOf(redirect.get().status()),
                    List.of(), details);
        }
        return new NodeInfo("No backend", "the rule has no backendRefs", Status.ERROR, "answers 500", List.of(),
                details);
    }

    static NodeInfo noPods() {
        return new NodeInfo("Pods", "none", Status.UNKNOWN, "not involved", List.of(),
                List.of(new Detail("Endpoints", "No Service is involved")));
    }

    static Leg noLeg() {
        return new Leg(Leg.Kind.CONTROLLER_TO_SERVICE, Leg.Protection.NONE, "none", "No Service is involved");
    }

    static Leg noPodsLeg() {
        return new Leg(Leg.Kind.SERVICE_TO_PODS, Leg.Protection.NONE, "none", "No Service is involved");
    }

    /**
     * {@code rules[1].matches[0]}: the rule and match as the YAML indexes them (0-based, as explain's trace and JSON
     * count them).
     */
    static String position(GatewayRule r) {
        return "rules[" + r.ruleIndex() + "]" + (r.rule().match().isPresent() ? ".matches[" + r.matchIndex() + "]" : "");
    }

    /** {@code / (PathPrefix) · GET · header x-canary: always}: what a request must look like. */
    static String matchSummary(GatewayRule r) {
        return r.rule().match().map(GatewayNodeFacts::conditions).orElse("every request");
    }

    private static String conditions(RouteConditions m) {
        List<String> parts = new ArrayList<>();
        parts.add(m.path().display());
        m.method().ifPresent(parts::add);
        m.headers().forEach(h -> parts.add("header " + value(h)));
        m.query().forEach(q -> parts.add("query " + value(q)));
        return String.join(" · ", parts);
    }

    private static String value(ValueMatch v) {
        return v.name() + (v.regex() ? " ~ " : ": ") + v.value();
    }

    private static String filter(RouteFilter f) {
        if (f instanceof RouteFilter.RequestRedirect r) {
            return "RequestRedirect " + r.subject();
        }
        if (f instanceof RouteFilter.UrlRewrite w) {
            return "URLRewrite" + w.hostname().map(h -> " hostname " + h).orElse("")
                    + w.path().map(p -> " path " + p.display()).orElse("");
        }
        if (f instanceof RouteFilter.HeaderChange h) {
            return (h.direction() == RouteFilter.Direction.REQUEST ? "RequestHeaderModifier" : "ResponseHeaderModifier")
                    + summary(h);
        }
        if (f instanceof RouteFilter.Unapplied u) {
            return u.type() + " (shown, not applied by Gatehouse): " + u.summary();
        }
        if (f instanceof RouteFilter.Redirect r) {
            return r.subject();
        }
        return "rewrite to " + ((RouteFilter.Rewrite) f).target();
    }

    private static String summary(RouteFilter.HeaderChange h) {
        List<String> parts = new ArrayList<>();
        h.set().forEach((k, v) -> parts.add("set " + k + ": " + v));
        h.add().forEach((k, v) -> parts.add("add " + k + ": " + v));
        h.remove().forEach(k -> parts.add("remove " + k));
        return parts.isEmpty() ? "" : " " + String.join(", ", parts);
    }

    private Optional<ParentStatus> parent(ObjectRef route, GatewayListener listener) {
        return gateways.route(route).flatMap(r -> r.parents().stream()
                .filter(p -> p.attachedTo().contains(listener.key())).findFirst()
                .or(() -> r.parent(listener.gateway())));
    }

    private static String condition(Condition c) {
        return (c.status() ? "True" : "False") + " · " + c.reason() + (c.message().isEmpty() ? "" : ": " + c.message());
    }
}
