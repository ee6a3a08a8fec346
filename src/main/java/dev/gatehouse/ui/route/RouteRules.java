package dev.gatehouse.ui.route;

import dev.gatehouse.routing.gateway.GatewayBackend;
import dev.gatehouse.routing.gateway.GatewayModel;
import dev.gatehouse.routing.gateway.GatewayRule;
import dev.gatehouse.routing.input.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathModifier;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.TLSRouteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route's rules as written, summarised for a human (matches, filters, weighted backends), with the backends
 * Gatehouse found unusable marked (from the snapshot's attached rules).
 */
final class RouteRules {
    /** One backendRef as written. */
    private record Backend(String kind, String namespace, String name, Integer port, Integer weight) {
    }

    private RouteRules() {
    }

    static List<RuleLine> of(HasMetadata route, GatewayModel model) {
        Map<String, GatewayBackend.Problem> invalid = invalidBackends(ObjectRef.of(route), model);
        List<RuleLine> out = new ArrayList<>();
        String ns = ObjectRef.namespaceOf(route);
        if (route instanceof HTTPRoute h && h.getSpec() != null) {
            List<HTTPRouteRule> rules = list(h.getSpec().getRules());
            for (int i = 0; i < rules.size(); i++) {
                HTTPRouteRule r = rules.get(i);
                List<String> matches = list(r.getMatches()).stream().map(RouteRules::match).toList();
                List<String> filters = list(r.getFilters()).stream().map(RouteRules::filter).toList();
                List<Backend> backends = list(r.getBackendRefs()).stream().map(b -> new Backend(b.getKind(),
                        b.getNamespace(), b.getName(), b.getPort(), b.getWeight())).toList();
                out.add(line(i, r.getName(), matches, filters, backends, ns, invalid));
            }
        } else if (route instanceof GRPCRoute g && g.getSpec() != null) {
            List<GRPCRouteRule> rules = list(g.getSpec().getRules());
            for (int i = 0; i < rules.size(); i++) {
                GRPCRouteRule r = rules.get(i);
                List<String> matches = list(r.getMatches()).stream().map(RouteRules::grpcMatch).toList();
                List<String> filters = list(r.getFilters()).stream().map(f -> String.valueOf(f.getType())).toList();
                List<Backend> backends = list(r.getBackendRefs()).stream().map(b -> new Backend(b.getKind(),
                        b.getNamespace(), b.getName(), b.getPort(), b.getWeight())).toList();
                out.add(line(i, r.getName(), matches, filters, backends, ns, invalid));
            }
        } else if (route instanceof TLSRoute t && t.getSpec() != null) {
            List<TLSRouteRule> rules = list(t.getSpec().getRules());
            for (int i = 0; i < rules.size(); i++) {
                TLSRouteRule r = rules.get(i);
                List<Backend> backends = list(r.getBackendRefs()).stream().map(b -> new Backend(b.getKind(),
                        b.getNamespace(), b.getName(), b.getPort(), b.getWeight())).toList();
                out.add(line(i, r.getName(), List.of("every connection whose SNI matches"), List.of(), backends, ns,
                        invalid));
            }
        }
        return out;
    }

    private static RuleLine line(int index, String name, List<String> matches, List<String> filters,
                                 List<Backend> backends, String ns, Map<String, GatewayBackend.Problem> invalid) {
        int total = backends.stream().mapToInt(b -> b.weight() == null ? 1 : b.weight()).sum();
        List<RuleLine.Target> lines = new ArrayList<>();
        for (Backend b : backends) {
            int weight = b.weight() == null ? 1 : b.weight();
            String bns = b.namespace() == null || b.namespace().isBlank() ? ns : b.namespace();
            String kind = b.kind() == null || b.kind().isBlank() ? "Service" : b.kind();
            String port = b.port() == null ? "" : String.valueOf(b.port());
            String share = backends.size() > 1 ? (total == 0 ? 0 : Math.round(100.0 * weight / total)) + "%"
                    : weight == 0 ? "never" : "";
            String text = kind + " " + bns + "/" + b.name() + (port.isEmpty() ? "" : " port " + port)
                    + (share.isEmpty() ? "" : " · weight " + weight + " (" + share + ")");
            String brief = (kind.equals("Service") ? "" : kind + " ") + (bns.equals(ns) ? "" : bns + "/") + b.name()
                    + (port.isEmpty() ? "" : ":" + port) + (share.isEmpty() ? "" : " (" + share + ")");
            GatewayBackend.Problem p = invalid.get(key(bns, b.name(), port));
            lines.add(p == null ? new RuleLine.Target(text, brief, true) : new RuleLine.Target(text
                    + " — cannot take traffic (" + p.reason() + "): " + p.message(), brief + " ✗", false));
        }
        if (backends.isEmpty()) {
            boolean redirect = filters.stream().anyMatch(f -> f.startsWith("RequestRedirect"));
            lines.add(redirect ? new RuleLine.Target("no backend: the redirect answers", "redirect", true)
                    : new RuleLine.Target("no backendRefs: requests get a 500", "none (500)", false));
        }
        return new RuleLine("Rule " + (index + 1) + (name == null || name.isBlank() ? "" : " (" + name + ")"),
                matches.isEmpty() ? List.of("every request (PathPrefix /)") : matches, filters, lines);
    }

    /** The invalid backendRefs Gatehouse found among the route's attached rules, by namespace/name/port. */
    private static Map<String, GatewayBackend.Problem> invalidBackends(ObjectRef route, GatewayModel model) {
        Map<String, GatewayBackend.Problem> out = new HashMap<>();
        for (List<GatewayRule> rules : model.rules().values()) {
            for (GatewayRule r : rules) {
                if (r.route().equals(route)) {
                    r.backends().forEach(b -> b.invalid().ifPresent(p -> out.put(key(b.ref().namespace(),
                            b.ref().name(), b.ref().port()), p)));
                }
            }
        }
        return out;
    }

    private static String key(String ns, String name, String port) {
        return ns + "/" + name + ":" + (port == null ? "" : port);
    }

    static String match(HTTPRouteMatch m) {
        List<String> parts = new ArrayList<>();
        if (m.getPath() != null) {
            parts.add((m.getPath().getType() == null ? "PathPrefix" : m.getPath().getType()) + " "
                    + Optional.ofNullable(m.getPath().getValue()).orElse("/"));
        }
        if (m.getMethod() != null) {
            parts.add("method " + m.getMethod());
        }
        list(m.getHeaders()).forEach(h -> parts.add("header " + h.getName() + " " + op(h.getType()) + " " + h.getValue()));
        list(m.getQueryParams()).forEach(q -> parts.add("query " + q.getName() + " " + op(q.getType()) + " " + q.getValue()));
        return parts.isEmpty() ? "every request (PathPrefix /)" : String.join(", ", parts);
    }

    static String grpcMatch(GRPCRouteMatch m) {
        List<String> parts = new ArrayList<>();
        if (m.getMethod() != null) {
            parts.add("method " + Optional.ofNullable(m.getMethod().getService()).orElse("*") + "/"
                    + Optional.ofNullable(m.getMethod().getMethod()).orElse("*"));
        }
        list(m.getHeaders()).forEach(h -> parts.add("header " + h.getName() + " " + op(h.getType()) + " " + h.getValue()));
        return parts.isEmpty() ? "every call" : String.join(", ", parts);
    }

    private static String op(String type) {
        return "RegularExpression".equals(type) ? "~" : "=";
    }

    static String filter(HTTPRouteFilter f) {
        String type = String.valueOf(f.getType());
        return switch (type) {
            case "RequestRedirect" -> f.getRequestRedirect() == null ? type : type + ": " + String.join(", ",
                    nonEmpty(opt("scheme", f.getRequestRedirect().getScheme()), opt("host", f.getRequestRedirect()
                            .getHostname()), opt("port", f.getRequestRedirect().getPort()), path(f.getRequestRedirect()
                            .getPath()), opt("status", f.getRequestRedirect().getStatusCode())));
            case "URLRewrite" -> f.getUrlRewrite() == null ? type : type + ": " + String.join(", ",
                    nonEmpty(opt("host", f.getUrlRewrite().getHostname()), path(f.getUrlRewrite().getPath())));
            case "RequestHeaderModifier" -> type + ": " + headers(f.getRequestHeaderModifier());
            case "ResponseHeaderModifier" -> type + ": " + headers(f.getResponseHeaderModifier());
            case "RequestMirror" -> type + (f.getRequestMirror() == null || f.getRequestMirror().getBackendRef() == null
                    ? "" : ": to " + f.getRequestMirror().getBackendRef().getName()) + " (not applied by Gatehouse)";
            case "ExtensionRef" -> type + (f.getExtensionRef() == null ? "" : ": " + f.getExtensionRef().getKind() + " "
                    + f.getExtensionRef().getName()) + " (implementation-specific)";
            default -> type;
        };
    }

    private static String path(HTTPPathModifier p) {
        if (p == null) {
            return "";
        }
        return "ReplacePrefixMatch".equals(p.getType()) ? "path prefix → " + p.getReplacePrefixMatch()
                : "path → " + p.getReplaceFullPath();
    }

    private static String headers(HTTPHeaderFilter h) {
        if (h == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        list(h.getSet()).forEach(x -> parts.add("set " + x.getName()));
        list(h.getAdd()).forEach(x -> parts.add("add " + x.getName()));
        list(h.getRemove()).forEach(x -> parts.add("remove " + x));
        return String.join(", ", parts);
    }

    private static String opt(String label, Object value) {
        return value == null ? "" : label + " " + value;
    }

    private static List<String> nonEmpty(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toList();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
