package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ClusterView;
import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.BackendRef;
import dev.gatehouse.routing.route.Carriage;
import dev.gatehouse.routing.route.RouteFilter;
import dev.gatehouse.routing.route.RoutePath;
import dev.gatehouse.routing.route.RouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathModifier;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestRedirectFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPURLRewriteFilter;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of the engine's reading of an Ingress host (a {@link RouteRule}: path match as ingress-nginx matches
 * it, {@code ssl-redirect}, {@code rewrite-target}, backend) as one HTTPRoute rule, for the HTTPS listener or
 * for the plain HTTP one.
 */
final class RuleConverter {

    /** Which listener the rule is written for. */
    enum Mode { HTTPS, HTTP }

    private static final Pattern META = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");
    /** The canonical ingress-nginx rewrite: {@code /foo(/|$)(.*)} with {@code /bar/$2}. */
    private static final Pattern CANONICAL = Pattern.compile("^\\^?(/[^\\\\^$.|?*+()\\[\\]{}]*?)/?\\(/\\|\\$\\)\\(\\.\\*\\)$");

    private final ClusterView view;
    private final AnnotationReader annotations;
    private final PlanBuilder plan;

    RuleConverter(ClusterView view, AnnotationReader annotations, PlanBuilder plan) {
        this.view = view;
        this.annotations = annotations;
        this.plan = plan;
    }

    /** The converted rule and the one-line comment saying where it came from; empty when it cannot be matched. */
    record Converted(HTTPRouteRule rule, String comment) {
    }

    Optional<Converted> convert(RouteRule rule, Mode mode, boolean hsts) {
        ObjectRef ingress = rule.source().object();
        Map<String, String> raw = annotations.of(ingress);
        HTTPRouteRule out = new HTTPRouteRule();
        List<HTTPRouteFilter> filters = new ArrayList<>();
        Optional<RoutePath> path = rule.path();
        HTTPPathMatch match = new HTTPPathMatch();
        Optional<HTTPPathModifier> rewrite = Optional.empty();
        if (path.isEmpty()) {
            match.setType("PathPrefix");
            match.setValue("/");
        } else if (!match(path.get(), match)) {
            plan.note(ConversionNote.notConverted(ingress, "path " + path.get().value(), path.get().writtenAs(),
                    "ingress-nginx never matches this path (an unknown pathType)", "give the path a valid pathType"));
            return Optional.empty();
        }
        for (RouteFilter f : rule.filters()) {
            if (f instanceof RouteFilter.Rewrite r) {
                rewrite = rewrite(ingress, path.get(), r.target(), match);
            }
        }
        HTTPRouteMatch m = new HTTPRouteMatch();
        m.setPath(match);
        out.setMatches(new ArrayList<>(List.of(m)));
        Optional<RouteFilter.Redirect> toHttps = rule.filters().stream().filter(RouteFilter.Redirect.class::isInstance)
                .map(RouteFilter.Redirect.class::cast).filter(RouteFilter.Redirect::plainHttpOnly).findFirst();
        String comment = describe(rule);
        if (mode == Mode.HTTP && toHttps.isPresent()) {
            HTTPRequestRedirectFilter redirect = new HTTPRequestRedirectFilter();
            redirect.setScheme("https");
            redirect.setStatusCode(toHttps.get().status());
            filters.add(filter("RequestRedirect", f -> f.setRequestRedirect(redirect)));
            out.setFilters(filters);
            return Optional.of(new Converted(out, comment + " → 308 to https (" + toHttps.get().summary() + ")"));
        }
        Optional<RouteFilter.RequestRedirect> fixed = annotations.fixedRedirect(ingress);
        if (fixed.isPresent()) {
            filters.add(filter("RequestRedirect", f -> f.setRequestRedirect(redirect(fixed.get()))));
            out.setFilters(filters);
            return Optional.of(new Converted(out, comment + " → " + fixed.get().status() + " redirect"
                    + " (permanent-redirect / temporal-redirect)"));
        }
        Optional<String> vhost = Optional.ofNullable(raw.get(AnnotationReader.PREFIX + "upstream-vhost"));
        if (rewrite.isPresent() || vhost.isPresent()) {
            HTTPURLRewriteFilter u = new HTTPURLRewriteFilter();
            rewrite.ifPresent(u::setPath);
            vhost.ifPresent(u::setHostname);
            filters.add(filter("URLRewrite", f -> f.setUrlRewrite(u)));
        }
        if (hsts && mode == Mode.HTTPS) {
            HTTPHeaderFilter h = new HTTPHeaderFilter();
            h.setSet(new ArrayList<>(List.of(new HTTPHeader("Strict-Transport-Security", Carriage.HSTS_VALUE))));
            filters.add(filter("ResponseHeaderModifier", f -> f.setResponseHeaderModifier(h)));
        }
        annotations.cors(ingress).ifPresent(c -> filters.add(filter("CORS", f -> f.setCors(c))));
        annotations.timeouts(ingress).ifPresent(out::setTimeouts);
        if (!filters.isEmpty()) {
            out.setFilters(filters);
        }
        out.setBackendRefs(backends(rule, ingress));
        return Optional.of(new Converted(out, comment));
    }

    /** A RequestRedirect filter from the engine's neutral redirect. */
    static HTTPRequestRedirectFilter redirect(RouteFilter.RequestRedirect r) {
        HTTPRequestRedirectFilter redirect = new HTTPRequestRedirectFilter();
        r.scheme().ifPresent(redirect::setScheme);
        r.hostname().ifPresent(redirect::setHostname);
        if (r.port().isPresent()) {
            redirect.setPort(r.port().getAsInt());
        }
        r.path().ifPresent(p -> redirect.setPath(modifier(p.type() == dev.gatehouse.routing.route.PathModifier.Type
                .FULL_PATH ? "ReplaceFullPath" : "ReplacePrefixMatch", p.value())));
        redirect.setStatusCode(r.status());
        return redirect;
    }

    private boolean match(RoutePath path, HTTPPathMatch match) {
        switch (path.type()) {
            case EXACT -> set(match, "Exact", path.value());
            case PREFIX, STRING_PREFIX -> set(match, "PathPrefix", trimSlash(path.value()));
            case REGEX -> {
                if (META.matcher(path.value()).find()) {
                    String body = path.value().startsWith("^") ? path.value().substring(1) : path.value();
                    set(match, "RegularExpression", "(?i)" + body + ".*");
                } else {
                    set(match, "Exact".equals(path.writtenAs()) ? "Exact" : "PathPrefix", "Exact".equals(path
                            .writtenAs()) ? path.value() : trimSlash(path.value()));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Optional<HTTPPathModifier> rewrite(ObjectRef ingress, RoutePath path, String target, HTTPPathMatch match) {
        String key = AnnotationReader.PREFIX + "rewrite-target";
        Matcher canonical = CANONICAL.matcher(path.value());
        if (canonical.matches() && target.endsWith("$2") && !target.substring(0, target.length() - 2).contains("$")) {
            String prefix = canonical.group(1).isEmpty() ? "/" : canonical.group(1);
            String replacement = trimSlash(target.substring(0, target.length() - 2).isEmpty() ? "/"
                    : target.substring(0, target.length() - 2));
            set(match, "PathPrefix", prefix);
            plan.note(ConversionNote.converted(ingress, key, target, "URLRewrite ReplacePrefixMatch " + replacement
                    + " on PathPrefix " + prefix + " (the path " + path.value() + " is the usual prefix-capture form)"));
            return Optional.of(modifier("ReplacePrefixMatch", replacement));
        }
        if (!target.contains("$")) {
            plan.note(ConversionNote.converted(ingress, key, target, "URLRewrite ReplaceFullPath " + target));
            return Optional.of(modifier("ReplaceFullPath", target));
        }
        plan.note(ConversionNote.notConverted(ingress, key, target, "it uses capture groups of the regex path "
                + path.value() + ", which Gateway API cannot express (URLRewrite replaces the full path or the"
                + " matched prefix only)", "rewrite in the backend, or use your implementation's regex rewrite"
                + " (e.g. an Envoy Gateway HTTPRouteFilter urlRewrite.path.replaceRegexMatch)"));
        return Optional.empty();
    }

    private List<HTTPBackendRef> backends(RouteRule rule, ObjectRef ingress) {
        List<HTTPBackendRef> out = new ArrayList<>();
        for (BackendRef b : rule.backends()) {
            if (b.kind() != BackendRef.Kind.SERVICE) {
                plan.note(ConversionNote.notConverted(ingress, "backend.resource", "", "a resource backend has no"
                        + " HTTPRoute equivalent here", "point the rule at a Service"));
                continue;
            }
            HTTPBackendRef ref = new HTTPBackendRef();
            ref.setName(b.name());
            portOf(b).ifPresent(ref::setPort);
            if (portOf(b).isEmpty()) {
                plan.note(ConversionNote.notConverted(ingress, "backend port " + b.port(), "", "the named port "
                        + b.port() + " of Service " + b.namespace() + "/" + b.name() + " is not in the input, and a"
                        + " backendRef needs a port number", "give the port number in the HTTPRoute"));
            }
            out.add(ref);
            rule.upstream().filter(u -> u.tls()).ifPresent(u -> new BackendTlsConverter(plan)
                    .convert(ingress, b, portOf(b), u));
        }
        return out;
    }

    private Optional<Integer> portOf(BackendRef b) {
        if (b.portNumber().isPresent()) {
            return b.portNumber();
        }
        return view.service(b.namespace(), b.name()).flatMap(s -> s.getSpec().getPorts().stream()
                .filter(p -> b.port().equals(p.getName())).map(ServicePort::getPort).findFirst());
    }

    private static String describe(RouteRule rule) {
        String where = rule.source().ruleIndex().isPresent()
                ? "rules[" + rule.source().ruleIndex().getAsInt() + "].paths[" + rule.source().pathIndex().orElse(0)
                + "] " + rule.path().map(p -> p.value() + " (" + p.writtenAs() + (p.type() == RoutePath.Type.REGEX
                ? ", regex in ingress-nginx" : "") + ")").orElse("")
                : "defaultBackend";
        return "Ingress " + rule.source().object().path() + " " + where;
    }

    private static void set(HTTPPathMatch match, String type, String value) {
        match.setType(type);
        match.setValue(value);
    }

    private static String trimSlash(String value) {
        return value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static HTTPPathModifier modifier(String type, String value) {
        HTTPPathModifier m = new HTTPPathModifier();
        m.setType(type);
        if ("ReplaceFullPath".equals(type)) {
            m.setReplaceFullPath(value);
        } else {
            m.setReplacePrefixMatch(value);
        }
        return m;
    }

    private static HTTPRouteFilter filter(String type, java.util.function.Consumer<HTTPRouteFilter> body) {
        HTTPRouteFilter f = new HTTPRouteFilter();
        f.setType(type);
        body.accept(f);
        return f;
    }
}
