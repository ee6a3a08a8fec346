package dev.gatehouse.cli;

import dev.gatehouse.routing.Explanation;
import dev.gatehouse.routing.GatewayFacts;
import dev.gatehouse.routing.Leg;
import dev.gatehouse.routing.RouteMatch;
import dev.gatehouse.routing.ServedCertificate;
import dev.gatehouse.routing.TraceStep;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.model.ResolvedBackend;
import dev.gatehouse.routing.route.HostMatch;
import dev.gatehouse.tls.CertificateInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Prints an {@link Explanation} as readable text or as JSON. */
final class ExplanationRenderer {

    private ExplanationRenderer() {
    }

    static String text(Explanation e) {
        StringBuilder out = new StringBuilder();
        var request = e.request();
        out.append(request.method()).append(' ').append(request.url());
        if (request.https()) {
            out.append(request.sni().map(s -> "  (SNI " + s + ")").orElse("  (no SNI)"));
        }
        out.append("\n\n");
        String status = e.decision().status() == 0 ? "—" : String.valueOf(e.decision().status());
        line(out, "Result", status + "  " + e.decision().summary());
        e.gateway().ifPresent(g -> {
            line(out, "Gateway", g.gateway().path() + "  listener " + g.listener());
            g.httpRoute().ifPresent(r -> line(out, "HTTPRoute", r.path() + "  rule " + g.rule().orElse(0)
                    + e.route().map(m -> " host " + m.host() + ", path " + m.path().orElse("") + " ("
                    + m.pathType().orElse("") + ")").orElse("")));
            g.upstreamPath().ifPresent(p -> line(out, "Upstream", g.upstreamHost().orElse("") + " " + p));
        });
        e.route().filter(r -> e.gateway().isEmpty()).ifPresent(r -> line(out, "Ingress", r.ingress().path() + "  "
                + route(r)));
        e.backend().ifPresent(b -> line(out, "Backend", b.display() + "  (" + b.detail() + ")"));
        e.certificate().ifPresent(c -> line(out, "Certificate", c.describe() + "\n" + " ".repeat(15)
                + (c.coversHost() ? "covers " + request.host() : "does not cover " + request.host())
                + (c instanceof ServedCertificate.ControllerDefault d ? ": " + d.reason() : "")));
        out.append("\nLegs:\n");
        for (Leg leg : e.legs()) {
            out.append(String.format(Locale.ROOT, "  %-22s %-22s %s%n", leg.kind().label(), leg.label(), leg.detail()));
        }
        out.append("\nWhy:\n");
        for (TraceStep step : e.trace()) {
            out.append(String.format(Locale.ROOT, "  %-8s %-19s %s: %s%n", step.verdict().name().toLowerCase(Locale.ROOT),
                    "[" + step.stage().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "]", step.subject(),
                    step.reason()));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-14s %s%n", label + ":", value));
    }

    private static String route(RouteMatch r) {
        if (r.defaultBackend()) {
            return "spec.defaultBackend (host " + r.host() + ")";
        }
        return "rule " + (r.ruleIndex().orElse(0) + 1) + " host " + r.host() + ", path " + r.path().orElse("")
                + " (" + r.pathType().orElse("") + (r.regex() ? ", regex" : "") + ")";
    }

    /**
     * One JSON object: {@code status}, {@code ingress} ({@code namespace/name} or null), the matched
     * rule's {@code host} ("" for a rule without host), {@code path} and {@code pathType}, {@code service}
     * ({@code namespace/name}), {@code port} (number or name, as the Ingress gives it), {@code redirect}
     * (the Location, or null), {@code secret} ({@code namespace/name} of the certificate served, or null),
     * {@code fallbackCertificate}, {@code certificateCoversHost} (null for plain HTTP), {@code legs},
     * {@code trace}; and, for more detail, {@code outcome}, {@code summary}, {@code request},
     * {@code upstreamPath}, {@code route}, {@code backend}, {@code certificate}. Gateway answers add
     * {@code gateway} and {@code httpRoute} ({@code namespace/name}), {@code listener} (name), {@code rule}
     * (0-based) and {@code backends} (each {@code service}, {@code port}, {@code weight}); these are null for
     * Ingress answers, and {@code ingress} is null for Gateway answers. {@code upstreamPath} is the path (and
     * query) the backend receives: after URLRewrite for a Gateway answer, after rewrite-target for an Ingress.
     */
    static String json(Explanation e) {
        Map<String, Object> root = new LinkedHashMap<>();
        var request = e.request();
        Optional<RouteMatch> route = e.route();
        Optional<ResolvedBackend> backend = e.backend();
        root.put("status", e.decision().status());
        root.put("ingress", route.filter(r -> "Ingress".equals(r.ingress().kind())).map(r -> r.ingress().path())
                .orElse(null));
        root.put("host", route.map(r -> r.hostMatch() == HostMatch.CATCH_ALL ? "" : r.host()).orElse(null));
        root.put("path", route.flatMap(RouteMatch::path).orElse(null));
        root.put("pathType", route.flatMap(RouteMatch::pathType).orElse(null));
        root.put("service", backend.flatMap(ResolvedBackend::service).map(ObjectRef::path).orElse(null));
        root.put("port", backend.map(b -> port(b.port())).orElse(null));
        root.put("redirect", e.decision().redirectTo().orElse(null));
        root.put("secret", e.certificate().filter(ServedCertificate.FromSecret.class::isInstance)
                .map(c -> ((ServedCertificate.FromSecret) c).secret().path()).orElse(null));
        root.put("fallbackCertificate", e.certificate().map(ServedCertificate.ControllerDefault.class::isInstance)
                .orElse(false));
        root.put("certificateCoversHost", e.certificate().map(ServedCertificate::coversHost).orElse(null));
        root.put("legs", e.legs().stream().map(l -> ordered("leg", l.kind().name(), "protection",
                l.protection().name(), "label", l.label(), "detail", l.detail())).toList());
        root.put("trace", e.trace().stream().map(s -> ordered("stage", s.stage().name(), "verdict",
                s.verdict().name(), "subject", s.subject(), "reason", s.reason())).toList());
        root.put("outcome", e.decision().outcome().name());
        root.put("summary", e.decision().summary());
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("method", request.method());
        req.put("url", request.url());
        req.put("host", request.host());
        req.put("port", request.port());
        req.put("path", request.path());
        req.put("sni", request.sni().orElse(null));
        root.put("request", req);
        root.put("upstreamPath", e.gateway().flatMap(GatewayFacts::upstreamPath)
                .or(() -> e.decision().upstreamPath()).orElse(null));
        root.put("route", route.map(ExplanationRenderer::routeJson).orElse(null));
        root.put("backend", backend.map(ExplanationRenderer::backend).orElse(null));
        root.put("certificate", e.certificate().map(c -> certificate(c, request.host())).orElse(null));
        Optional<GatewayFacts> g = e.gateway();
        root.put("gateway", g.map(f -> f.gateway().path()).orElse(null));
        root.put("listener", g.map(GatewayFacts::listener).orElse(null));
        root.put("httpRoute", g.flatMap(GatewayFacts::httpRoute).map(ObjectRef::path).orElse(null));
        root.put("rule", g.filter(f -> f.rule().isPresent()).map(f -> (Object) f.rule().getAsInt()).orElse(null));
        root.put("backends", g.map(f -> f.backends().stream().map(b -> ordered("service", b.service(), "port",
                b.port().orElse(null), "weight", b.weight())).toList()).orElse(null));
        return JsonText.write(root);
    }

    /** A map keeping its keys in the given order (key, value, key, value…). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A port as the Ingress names it: a number when it is one, else its name. */
    private static Object port(String port) {
        return port.matches("\\d{1,5}") ? Integer.parseInt(port) : port;
    }

    private static Map<String, Object> routeJson(RouteMatch r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ingress", ref(r.ingress()));
        m.put("host", r.host());
        m.put("hostMatch", r.hostMatch().name());
        m.put("rule", r.ruleIndex().isPresent() ? r.ruleIndex().getAsInt() + 1 : null);
        m.put("path", r.path().orElse(null));
        m.put("pathType", r.pathType().orElse(null));
        m.put("defaultBackend", r.defaultBackend());
        m.put("regex", r.regex());
        return m;
    }

    private static Map<String, Object> backend(ResolvedBackend b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", b.service().map(ExplanationRenderer::ref).orElse(null));
        m.put("port", b.port());
        m.put("state", b.state().name());
        m.put("readyEndpoints", b.readyEndpoints());
        m.put("detail", b.detail());
        return m;
    }

    private static Map<String, Object> certificate(ServedCertificate c, String host) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", c.describe());
        m.put("coversHost", c.coversHost());
        m.put("host", host);
        if (c instanceof ServedCertificate.FromSecret s) {
            m.put("kind", "secret");
            m.put("secret", ref(s.secret()));
            s.certificate().ifPresent(info -> m.put("leaf", leaf(info)));
        } else if (c instanceof ServedCertificate.ControllerDefault d) {
            m.put("kind", "controller-default");
            m.put("reason", d.reason());
        } else {
            m.put("kind", "passthrough");
        }
        return m;
    }

    private static Map<String, Object> leaf(CertificateInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", info.subject());
        m.put("issuer", info.issuer());
        m.put("dnsNames", info.dnsNames());
        m.put("notAfter", info.notAfter().toString());
        m.put("daysLeft", info.daysLeft());
        m.put("sha256", info.sha256Fingerprint());
        return m;
    }

    /** {@code kind/namespace/name}, or {@code kind/name} for cluster-scoped objects. */
    static String objectPath(ObjectRef ref) {
        return ref.kind() + "/" + ref.path();
    }

    static Map<String, Object> ref(ObjectRef ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", ref.kind());
        m.put("namespace", ref.namespace().isEmpty() ? null : ref.namespace());
        m.put("name", ref.name());
        return m;
    }
}
