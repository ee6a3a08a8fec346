package dev.gatehouse.migrate;

import dev.gatehouse.routing.ClientCertificate;
import dev.gatehouse.routing.ProbeRequest;
import dev.gatehouse.routing.route.RequestHeaders;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The requests both rule sets are asked about, generated from the Ingresses and the converted HTTPRoutes: every
 * host (a name under each wildcard, and one two labels under it), every path boundary (as written, with and
 * without a trailing slash, one segment deeper, a string-prefix neighbour, upper case, {@code ./}, {@code x/..}
 * and {@code //} forms), both schemes, https with and without SNI, and the headers rules match on. Deterministic:
 * the same input gives the same corpus in the same order.
 */
public final class RequestCorpus {

    /** The host a rule without host is probed with. */
    public static final String ANY_HOST = "any-host.example";

    private RequestCorpus() {
    }

    public static List<Probe> of(List<Ingress> ingresses, MigrationPlan plan) {
        Map<String, Set<String>> pathsByHost = new LinkedHashMap<>();
        Map<String, Set<Map.Entry<String, String>>> headersByHost = new LinkedHashMap<>();
        for (Ingress ingress : ingresses) {
            List<IngressRule> rules = ingress.getSpec().getRules() == null ? List.of() : ingress.getSpec().getRules();
            for (IngressRule rule : rules) {
                Set<String> paths = pathsByHost.computeIfAbsent(host(rule.getHost()), k -> new LinkedHashSet<>());
                paths.add("/");
                if (rule.getHttp() != null) {
                    for (HTTPIngressPath p : rule.getHttp().getPaths()) {
                        paths.add(literal(p.getPath() == null ? "/" : p.getPath()));
                    }
                }
            }
            if (ingress.getSpec().getTls() != null) {
                ingress.getSpec().getTls().stream().filter(t -> t.getHosts() != null).flatMap(t -> t.getHosts().stream())
                        .forEach(h -> pathsByHost.computeIfAbsent(host(h), k -> new LinkedHashSet<>()).add("/"));
            }
        }
        for (HTTPRoute route : plan.httpRoutes()) {
            List<String> hosts = route.getSpec().getHostnames() == null || route.getSpec().getHostnames().isEmpty()
                    ? List.of(ANY_HOST) : route.getSpec().getHostnames().stream().map(RequestCorpus::host).toList();
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                for (HTTPRouteMatch m : rule.getMatches() == null ? List.<HTTPRouteMatch>of() : rule.getMatches()) {
                    for (String h : hosts) {
                        if (m.getPath() != null && m.getPath().getValue() != null) {
                            pathsByHost.computeIfAbsent(h, k -> new LinkedHashSet<>()).add(literal(m.getPath().getValue()));
                        }
                        if (m.getHeaders() != null) {
                            m.getHeaders().forEach(hd -> headersByHost.computeIfAbsent(h, k -> new LinkedHashSet<>())
                                    .add(Map.entry(hd.getName(), hd.getValue())));
                        }
                    }
                }
            }
        }
        Set<Probe> out = new LinkedHashSet<>();
        pathsByHost.forEach((host, paths) -> {
            List<String> names = new ArrayList<>(List.of(host));
            Optional<String> deep = host.startsWith("wild.") ? Optional.of("deep." + host) : Optional.empty();
            for (String name : names) {
                for (String path : paths) {
                    variants(path).forEach((p, purpose) -> add(out, name, p, purpose, RequestHeaders.empty()));
                }
                out.add(new Probe(request("https", name, "/", RequestHeaders.empty()).withSni(Optional.empty()),
                        Probe.Purpose.NO_SNI));
                for (Map.Entry<String, String> h : headersByHost.getOrDefault(host, Set.of())) {
                    for (String path : paths) {
                        add(out, name, path, Probe.Purpose.HEADER, RequestHeaders.empty().with(h.getKey(), h.getValue()));
                    }
                }
            }
            deep.ifPresent(d -> add(out, d, paths.iterator().next(), Probe.Purpose.DEEP_WILDCARD, RequestHeaders.empty()));
        });
        return List.copyOf(out);
    }

    private static void add(Set<Probe> out, String host, String path, Probe.Purpose purpose, RequestHeaders headers) {
        out.add(new Probe(request("http", host, path, headers), purpose));
        out.add(new Probe(request("https", host, path, headers), purpose));
    }

    private static ProbeRequest request(String scheme, String host, String path, RequestHeaders headers) {
        return new ProbeRequest("GET", scheme, host, scheme.equals("https") ? 443 : 80, path, "",
                scheme.equals("https") ? Optional.of(host) : Optional.empty(), ClientCertificate.NONE, headers);
    }

    /** The boundaries of one path, each with its purpose (first purpose wins for a repeated path). */
    static Map<String, Probe.Purpose> variants(String path) {
        Map<String, Probe.Purpose> v = new LinkedHashMap<>();
        v.put(path, path.equals("/") ? Probe.Purpose.ROOT : Probe.Purpose.PATH);
        String bare = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!bare.equals("/")) {
            v.putIfAbsent(path.endsWith("/") ? bare : bare + "/", Probe.Purpose.TRAILING_SLASH);
            v.putIfAbsent(bare + "x", Probe.Purpose.NEIGHBOUR);
            v.putIfAbsent("/./" + bare.substring(1), Probe.Purpose.DOT_SEGMENT);
            v.putIfAbsent("/" + bare, Probe.Purpose.DOUBLE_SLASH);
        }
        v.putIfAbsent(bare.equals("/") ? "/deeper" : bare + "/deeper", Probe.Purpose.DEEPER);
        String upper = path.toUpperCase(Locale.ROOT);
        v.putIfAbsent(upper.equals(path) ? path : upper, Probe.Purpose.UPPER_CASE);
        v.putIfAbsent(bare.equals("/") ? "/x/.." : bare + "/x/..", Probe.Purpose.DOT_DOT_SEGMENT);
        return v;
    }

    /** A request path that a (regex) rule path takes: the literal part before any regex syntax. */
    static String literal(String rulePath) {
        String p = rulePath.startsWith("^") ? rulePath.substring(1) : rulePath;
        if (p.startsWith("(?i)")) {
            p = p.substring(4);
        }
        int cut = p.length();
        for (int i = 0; i < p.length(); i++) {
            boolean wildDot = p.charAt(i) == '.' && i + 1 < p.length() && "*+".indexOf(p.charAt(i + 1)) >= 0;
            if (wildDot || "\\^$|?*+()[]{}".indexOf(p.charAt(i)) >= 0) {
                cut = i;
                break;
            }
        }
        String lit = p.substring(0, cut);
        if (cut < p.length() && lit.endsWith("/") && lit.length() > 1) {
            lit = lit.substring(0, lit.length() - 1);
        }
        return lit.isEmpty() || !lit.startsWith("/") ? "/" : lit;
    }

    /** A concrete name for a rule host: {@code *.x} becomes {@code wild.x}; no host becomes {@link #ANY_HOST}. */
    static String host(String ruleHost) {
        if (ruleHost == null || ruleHost.isBlank()) {
            return ANY_HOST;
        }
        String h = ruleHost.toLowerCase(Locale.ROOT);
        return h.startsWith("*.") ? "wild." + h.substring(2) : h;
    }
}
