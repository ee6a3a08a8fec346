package dev.gatehouse.migrate;

import dev.gatehouse.routing.input.ObjectRef;
import dev.gatehouse.routing.route.PathModifier;
import dev.gatehouse.routing.route.RouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPCORSFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteTimeouts;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ingress-nginx annotations of the selected Ingresses that the engine's route model does not carry
 * ({@code permanent-redirect}, {@code temporal-redirect}, {@code app-root}, CORS, timeouts, canaries), read as
 * Gateway API pieces.
 */
final class AnnotationReader {

    static final String PREFIX = "nginx.ingress.kubernetes.io/";

    private final Map<ObjectRef, Map<String, String>> byIngress = new HashMap<>();

    AnnotationReader(List<Ingress> ingresses) {
        for (Ingress i : ingresses) {
            Map<String, String> a = i.getMetadata().getAnnotations();
            byIngress.put(ObjectRef.of(i), a == null ? Map.of() : Map.copyOf(a));
        }
    }

    Map<String, String> of(ObjectRef ingress) {
        return byIngress.getOrDefault(ingress, Map.of());
    }

    Optional<String> get(ObjectRef ingress, String name) {
        return Optional.ofNullable(of(ingress).get(PREFIX + name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    boolean on(ObjectRef ingress, String name) {
        return get(ingress, name).map("true"::equalsIgnoreCase).orElse(false);
    }

    /** {@code permanent-redirect} (301, or {@code permanent-redirect-code}) or {@code temporal-redirect} (302). */
    Optional<RouteFilter.RequestRedirect> fixedRedirect(ObjectRef ingress) {
        Optional<String> permanent = get(ingress, "permanent-redirect");
        Optional<String> temporal = get(ingress, "temporal-redirect");
        Optional<String> url = permanent.or(() -> temporal);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        int status = permanent.isPresent() ? get(ingress, "permanent-redirect-code").flatMap(AnnotationReader::number)
                .filter(c -> c >= 300 && c < 400).orElse(301) : 302;
        try {
            URI uri = new URI(url.get());
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(new RouteFilter.RequestRedirect(Optional.ofNullable(uri.getScheme()),
                    Optional.of(uri.getHost()), uri.getPort() > 0 ? OptionalInt.of(uri.getPort()) : OptionalInt.empty(),
                    Optional.of(new PathModifier(PathModifier.Type.FULL_PATH, path)), status));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code app-root}: {@code /} answered with a 302 to this path. */
    Optional<String> appRoot(ObjectRef ingress) {
        return get(ingress, "app-root").filter(v -> v.startsWith("/"));
    }

    /** {@code enable-cors} and its {@code cors-*} settings as a CORS filter. */
    Optional<HTTPCORSFilter> cors(ObjectRef ingress) {
        if (!on(ingress, "enable-cors")) {
            return Optional.empty();
        }
        HTTPCORSFilter c = new HTTPCORSFilter();
        c.setAllowOrigins(list(get(ingress, "cors-allow-origin").orElse("*")));
        c.setAllowMethods(list(get(ingress, "cors-allow-methods").orElse("GET, PUT, POST, DELETE, PATCH, OPTIONS")));
        c.setAllowHeaders(list(get(ingress, "cors-allow-headers").orElse("DNT,Keep-Alive,User-Agent,X-Requested-With,"
                + "If-Modified-Since,Cache-Control,Content-Type,Range,Authorization")));
        get(ingress, "cors-expose-headers").ifPresent(v -> c.setExposeHeaders(list(v)));
        c.setAllowCredentials(get(ingress, "cors-allow-credentials").map("true"::equalsIgnoreCase).orElse(true));
        c.setMaxAge(get(ingress, "cors-max-age").flatMap(AnnotationReader::number).orElse(1728000));
        return Optional.of(c);
    }

    /** {@code proxy-read-timeout} as the rule's {@code timeouts.backendRequest}. */
    Optional<HTTPRouteTimeouts> timeouts(ObjectRef ingress) {
        return get(ingress, "proxy-read-timeout").flatMap(AnnotationReader::number).map(s -> {
            HTTPRouteTimeouts t = new HTTPRouteTimeouts();
            t.setBackendRequest(s + "s");
            return t;
        });
    }

    static Optional<Integer> number(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
