package dev.gatehouse.drafts;

import static dev.gatehouse.drafts.FormValues.blankToNull;
import static dev.gatehouse.drafts.FormValues.list;
import static dev.gatehouse.drafts.FormValues.nz;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestRedirectFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.ArrayList;
import java.util.List;

/**
 * What the HTTPRoute form edits: parentRefs, hostnames, and per rule its first match's path (type and value), its
 * backendRefs (Service name, port, weight) and whether it redirects to https. {@link #applyTo} writes these into an
 * HTTPRoute and keeps everything else it has (header, method and query matches, other filters, a backendRef's
 * namespace or kind, labels, …): the YAML stays the source of truth.
 *
 * @param rules    in rule order (rule 1 first)
 * @param backends every rule's backendRefs, each naming its rule by number (1-based, as the form shows it)
 */
public record HttpRouteForm(String namespace, String name, List<ParentRow> parents, List<String> hostnames,
                            List<RuleRow> rules, List<BackendRow> backends) {

    /** The path types of an HTTPRoute match; empty = the rule has no path match (every path). */
    public static final List<String> PATH_TYPES = List.of("PathPrefix", "Exact", "RegularExpression", "");

    /** One parentRef: namespace (empty = the route's), Gateway name, sectionName and port (empty = any). */
    public record ParentRow(String namespace, String name, String sectionName, String port) {
    }

    /** One rule: its first match's path ({@code pathType} empty = no path match) and an https RequestRedirect. */
    public record RuleRow(String pathType, String path, boolean httpsRedirect) {
    }

    /** One backendRef of rule {@code rule} (1-based): Service name, port, weight (empty = the default, 1). */
    public record BackendRow(int rule, String name, String port, String weight) {
    }

    public HttpRouteForm {
        parents = List.copyOf(parents);
        hostnames = List.copyOf(hostnames);
        rules = List.copyOf(rules);
        backends = List.copyOf(backends);
    }

    public static HttpRouteForm from(HTTPRoute route) {
        ObjectMeta meta = route.getMetadata();
        HTTPRouteSpec spec = route.getSpec() == null ? new HTTPRouteSpec() : route.getSpec();
        List<ParentRow> parents = new ArrayList<>();
        for (ParentReference p : list(spec.getParentRefs())) {
            parents.add(new ParentRow(nz(p.getNamespace()), nz(p.getName()), nz(p.getSectionName()), num(p.getPort())));
        }
        List<RuleRow> rules = new ArrayList<>();
        List<BackendRow> backends = new ArrayList<>();
        List<HTTPRouteRule> specRules = list(spec.getRules());
        for (int i = 0; i < specRules.size(); i++) {
            HTTPRouteRule r = specRules.get(i);
            HTTPPathMatch path = list(r.getMatches()).isEmpty() ? null : r.getMatches().get(0).getPath();
            boolean redirect = list(r.getFilters()).stream().anyMatch(HttpRouteForm::httpsRedirect);
            rules.add(new RuleRow(path == null ? "" : nz(path.getType()).isEmpty() ? "PathPrefix" : path.getType(),
                    path == null ? "" : nz(path.getValue()).isEmpty() ? "/" : path.getValue(), redirect));
            for (HTTPBackendRef b : list(r.getBackendRefs())) {
                backends.add(new BackendRow(i + 1, nz(b.getName()), num(b.getPort()), num(b.getWeight())));
            }
        }
        return new HttpRouteForm(meta == null ? "" : nz(meta.getNamespace()), meta == null ? "" : nz(meta.getName()),
                parents, list(spec.getHostnames()), rules, backends);
    }

    /**
     * The route with the form's values written into a copy of {@code existing} (null: a new HTTPRoute).
     *
     * @throws IllegalArgumentException naming the field, when a port or weight is not a number or a backend names
     *                                  a rule the form does not have
     */
    public HTTPRoute applyTo(HTTPRoute existing) {
        HTTPRoute route = FormValues.copyWithIdentity(existing, HTTPRoute::new, namespace, name);
        route.setKind("HTTPRoute");
        HTTPRouteSpec spec = route.getSpec() == null ? new HTTPRouteSpec() : route.getSpec();
        route.setSpec(spec);
        List<ParentReference> oldParents = list(spec.getParentRefs());
        List<ParentReference> parentRefs = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            ParentRow row = parents.get(i);
            ParentReference p = i < oldParents.size() ? oldParents.get(i) : new ParentReference();
            p.setNamespace(blankToNull(row.namespace()));
            p.setName(row.name().trim());
            p.setSectionName(blankToNull(row.sectionName()));
            p.setPort(number(row.port(), "the port of parent " + (i + 1)));
            parentRefs.add(p);
        }
        spec.setParentRefs(parentRefs.isEmpty() ? null : parentRefs);
        List<String> hosts = hostnames.stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
        spec.setHostnames(hosts.isEmpty() ? null : new ArrayList<>(hosts));
        for (BackendRow b : backends) {
            if (b.rule() < 1 || b.rule() > rules.size()) {
                throw new IllegalArgumentException("backend " + b.name() + " names rule " + b.rule() + ", but the route has "
                        + rules.size() + " rule(s)");
            }
        }
        List<HTTPRouteRule> oldRules = list(spec.getRules());
        List<HTTPRouteRule> specRules = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            HTTPRouteRule r = i < oldRules.size() ? oldRules.get(i) : new HTTPRouteRule();
            writeRule(r, rules.get(i), i + 1);
            specRules.add(r);
        }
        spec.setRules(specRules.isEmpty() ? null : specRules);
        return route;
    }

    private void writeRule(HTTPRouteRule r, RuleRow row, int number) {
        HTTPPathMatch current = list(r.getMatches()).isEmpty() ? null : r.getMatches().get(0).getPath();
        boolean samePath = current == null ? row.pathType().isBlank()
                : !row.pathType().isBlank() && row.pathType().trim().equals(nz(current.getType()).isEmpty() ? "PathPrefix"
                : current.getType()) && row.path().trim().equals(nz(current.getValue()).isEmpty() ? "/" : current.getValue());
        if (!samePath) {
            List<HTTPRouteMatch> matches = new ArrayList<>(list(r.getMatches()));
            if (!row.pathType().isBlank()) {
                if (matches.isEmpty()) {
                    matches.add(new HTTPRouteMatch());
                }
                HTTPPathMatch path = new HTTPPathMatch();
                path.setType(row.pathType().trim());
                path.setValue(row.path().isBlank() ? "/" : row.path().trim());
                matches.get(0).setPath(path);
            } else {
                HTTPRouteMatch first = matches.get(0);
                first.setPath(null);
                if (list(first.getHeaders()).isEmpty() && list(first.getQueryParams()).isEmpty() && first.getMethod() == null) {
                    matches.remove(0);
                }
            }
            r.setMatches(matches.isEmpty() ? null : matches);
        }
        List<HTTPRouteFilter> filters = new ArrayList<>(list(r.getFilters()));
        boolean has = filters.stream().anyMatch(HttpRouteForm::httpsRedirect);
        if (row.httpsRedirect() != has) {
            if (row.httpsRedirect()) {
                HTTPRouteFilter redirect = new HTTPRouteFilter();
                redirect.setType("RequestRedirect");
                HTTPRequestRedirectFilter to = new HTTPRequestRedirectFilter();
                to.setScheme("https");
                to.setStatusCode(301);
                redirect.setRequestRedirect(to);
                filters.add(redirect);
            } else {
                filters.removeIf(HttpRouteForm::httpsRedirect);
            }
            r.setFilters(filters.isEmpty() ? null : filters);
        }
        List<HTTPBackendRef> old = list(r.getBackendRefs());
        List<HTTPBackendRef> refs = new ArrayList<>();
        List<BackendRow> mine = backends.stream().filter(b -> b.rule() == number).toList();
        for (int j = 0; j < mine.size(); j++) {
            BackendRow b = mine.get(j);
            HTTPBackendRef ref = j < old.size() ? old.get(j) : new HTTPBackendRef();
            ref.setName(b.name().trim());
            String where = "backend " + (b.name().isBlank() ? "#" + (j + 1) : b.name()) + " of rule " + number;
            ref.setPort(number(b.port(), "the port of " + where));
            ref.setWeight(number(b.weight(), "the weight of " + where));
            refs.add(ref);
        }
        if (!(refs.isEmpty() && old.isEmpty())) {
            r.setBackendRefs(refs.isEmpty() ? null : refs);
        }
    }

    private static boolean httpsRedirect(HTTPRouteFilter f) {
        return "RequestRedirect".equals(f.getType()) && f.getRequestRedirect() != null
                && "https".equalsIgnoreCase(f.getRequestRedirect().getScheme());
    }

    private static Integer number(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: " + text.trim());
        }
    }

    private static String num(Integer n) {
        return n == null ? "" : String.valueOf(n);
    }



}
