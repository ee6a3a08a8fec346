package dev.gatehouse.routing.gateway;

import dev.gatehouse.routing.route.PathModifier;
import dev.gatehouse.routing.route.RouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathModifier;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * HTTPRoute filters → neutral {@link RouteFilter}s: RequestRedirect, URLRewrite, Request/ResponseHeaderModifier;
 * RequestMirror, CORS, ExtensionRef and ExternalAuth are kept as {@link RouteFilter.Unapplied}.
 */
final class HttpFilters {

    private HttpFilters() {
    }

    static List<RouteFilter> of(List<HTTPRouteFilter> filters, String namespace) {
        List<RouteFilter> out = new ArrayList<>();
        for (HTTPRouteFilter f : filters == null ? List.<HTTPRouteFilter>of() : filters) {
            String type = f.getType() == null ? "" : f.getType();
            switch (type) {
                case "RequestHeaderModifier" -> out.add(headers(RouteFilter.Direction.REQUEST, f.getRequestHeaderModifier()));
                case "ResponseHeaderModifier" -> out.add(headers(RouteFilter.Direction.RESPONSE,
                        f.getResponseHeaderModifier()));
                case "RequestRedirect" -> {
                    var r = f.getRequestRedirect();
                    if (r != null) {
                        out.add(new RouteFilter.RequestRedirect(Optional.ofNullable(r.getScheme()),
                                Optional.ofNullable(r.getHostname()),
                                r.getPort() == null ? OptionalInt.empty() : OptionalInt.of(r.getPort()),
                                path(r.getPath()), r.getStatusCode() == null ? 302 : r.getStatusCode()));
                    }
                }
                case "URLRewrite" -> {
                    var r = f.getUrlRewrite();
                    if (r != null) {
                        out.add(new RouteFilter.UrlRewrite(Optional.ofNullable(r.getHostname()), path(r.getPath())));
                    }
                }
                case "RequestMirror" -> {
                    var m = f.getRequestMirror();
                    var b = m == null ? null : m.getBackendRef();
                    String target = b == null ? "(no backendRef)" : "Service "
                            + (b.getNamespace() == null ? namespace : b.getNamespace()) + "/" + b.getName()
                            + (b.getPort() == null ? "" : " port " + b.getPort());
                    String share = m == null ? "" : m.getPercent() != null ? " (" + m.getPercent() + "% of requests)"
                            : m.getFraction() != null ? " (" + m.getFraction().getNumerator() + "/"
                            + (m.getFraction().getDenominator() == null ? 100 : m.getFraction().getDenominator())
                            + " of requests)" : "";
                    out.add(new RouteFilter.Unapplied("RequestMirror", "copies requests to " + target + share
                            + "; the answers of the mirror are dropped"));
                }
                case "CORS" -> {
                    var c = f.getCors();
                    out.add(new RouteFilter.Unapplied("CORS", "answers CORS preflight requests"
                            + (c == null || c.getAllowOrigins() == null ? "" : " for origins "
                            + String.join(", ", c.getAllowOrigins()))));
                }
                default -> out.add(new RouteFilter.Unapplied(type, "an implementation-specific filter ("
                        + type + "), not modelled"));
            }
        }
        return out;
    }

    private static Optional<PathModifier> path(HTTPPathModifier modifier) {
        if (modifier == null || modifier.getType() == null) {
            return Optional.empty();
        }
        return switch (modifier.getType()) {
            case "ReplaceFullPath" -> Optional.of(new PathModifier(PathModifier.Type.FULL_PATH,
                    modifier.getReplaceFullPath()));
            case "ReplacePrefixMatch" -> Optional.of(new PathModifier(PathModifier.Type.PREFIX_MATCH,
                    modifier.getReplacePrefixMatch()));
            default -> Optional.empty();
        };
    }

    private static RouteFilter.HeaderChange headers(RouteFilter.Direction direction, HTTPHeaderFilter filter) {
        Map<String, String> set = new LinkedHashMap<>();
        Map<String, String> add = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        if (filter != null) {
            for (HTTPHeader h : filter.getSet() == null ? List.<HTTPHeader>of() : filter.getSet()) {
                set.put(h.getName(), h.getValue() == null ? "" : h.getValue());
            }
            for (HTTPHeader h : filter.getAdd() == null ? List.<HTTPHeader>of() : filter.getAdd()) {
                add.put(h.getName(), h.getValue() == null ? "" : h.getValue());
            }
            if (filter.getRemove() != null) {
                remove.addAll(filter.getRemove());
            }
        }
        return new RouteFilter.HeaderChange(direction, set, add, remove);
    }
}
